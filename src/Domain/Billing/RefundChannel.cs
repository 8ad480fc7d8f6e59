namespace HospitalOrleans.Domain.Billing;

/// <summary>Where a refund is asked for. Not where the money goes: that is always the payment's <see cref="PaymentChannel"/>.</summary>
public enum RefundChannel
{
    /// <summary>The patient, on the phone (WeChat pages).</summary>
    Phone,
    /// <summary>A clerk at a payment window, with the patient in front of them.</summary>
    Window,
    /// <summary>The finance office: always allowed with a written reason, and the only way once the window period is over.</summary>
    Finance,
}
