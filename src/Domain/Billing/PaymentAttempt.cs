namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// One WeChat Pay order opened for an invoice. Its <see cref="OutTradeNo"/> is derived from the
/// invoice id and the attempt's sequence, so a retried call to the provider reuses it and the
/// provider never sees two orders for one attempt.
/// </summary>
public sealed class PaymentAttempt
{
    public string OutTradeNo { get; set; } = "";
    /// <summary>1 for the first order of the invoice, then 2, 3, …</summary>
    public int Sequence { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The provider order's time_expire: after it the order cannot be paid and a new attempt is opened.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    public string By { get; set; } = "";

    public bool IsOpenAt(DateTimeOffset now) => now < ExpiresAt;
}
