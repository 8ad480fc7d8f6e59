namespace HospitalOrleans.Domain.Billing;

/// <summary>How money came in, and so how it must go back: every refund returns through the channel of the payment it refunds.</summary>
public enum PaymentChannel
{
    /// <summary>WeChat Pay, on the patient's phone (after booking, or by scanning a bill's QR code).</summary>
    WeChat,
    /// <summary>Cash at a payment window.</summary>
    Cash,
    /// <summary>A bank card at a payment window's POS terminal.</summary>
    Card,
}
