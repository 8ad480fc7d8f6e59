namespace HospitalOrleans.Domain.Billing;

/// <summary>What a payment did to its invoice.</summary>
public enum PaymentDisposition
{
    /// <summary>Paid the invoice. At most one payment per invoice settles it.</summary>
    Settles,
    /// <summary>Arrived when the invoice was already paid; a refund of it was started at once.</summary>
    PaidTwice,
    /// <summary>Arrived after the invoice was closed unpaid; a refund of it was started at once.</summary>
    ArrivedAfterClose,
}

/// <summary>
/// Money that came in for an invoice. Every payment reported is recorded, including one the
/// invoice cannot accept: the money has moved, so our records must show it and its refund, or
/// the day's reconciliation and takings would not add up.
/// </summary>
public sealed class Payment
{
    public PaymentChannel Channel { get; set; }
    public long AmountFen { get; set; }
    /// <summary>The provider's transaction id (WeChat transaction_id), or the window's receipt or POS reference for cash and card. Unique within the invoice.</summary>
    public string TransactionId { get; set; } = "";
    /// <summary>The WeChat order paid (one of the invoice's attempts); null for cash and card.</summary>
    public string? OutTradeNo { get; set; }
    /// <summary>When the money moved: the provider's success_time, or when the clerk took it.</summary>
    public DateTimeOffset PaidAt { get; set; }
    /// <summary>The clerk, or <c>system:wechat-pay</c> for a provider notification.</summary>
    public string By { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public PaymentDisposition Disposition { get; set; }
}
