namespace HospitalOrleans.Domain.Billing;

public enum RefundState
{
    /// <summary>Asked for; its amount is reserved until it succeeds, fails or is closed.</summary>
    Pending,
    Succeeded,
    /// <summary>The provider could not return the money (WeChat ABNORMAL); the amount is free again. Final in our records.</summary>
    Failed,
    /// <summary>Withdrawn (WeChat CLOSED, or a window refund the clerk voided); the amount is free again. Final in our records.</summary>
    Closed,
}

/// <summary>
/// One refund of one payment. It goes back through the channel of that payment
/// (<see cref="Channel"/>), whatever channel it was asked for at (<see cref="RequestedVia"/>).
/// </summary>
public sealed class Refund
{
    /// <summary>Our refund number, unique for ever; the provider deduplicates on it, so a retried request never refunds twice.</summary>
    public string OutRefundNo { get; set; } = "";
    public long AmountFen { get; set; }
    /// <summary>Where the money goes back: the channel of the refunded payment.</summary>
    public PaymentChannel Channel { get; set; }
    /// <summary>Where it was asked for; null when the system started it for a surplus payment.</summary>
    public RefundChannel? RequestedVia { get; set; }
    /// <summary>The payment refunded (its <see cref="Payment.TransactionId"/>).</summary>
    public string PaymentTransactionId { get; set; } = "";
    public string Reason { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>The fapiao handed back for this refund, when the invoice had one.</summary>
    public string? FapiaoNumber { get; set; }
    public RefundState State { get; set; }
    /// <summary>The provider's refund id (WeChat refund_id); null for cash and card.</summary>
    public string? ProviderRefundId { get; set; }
    /// <summary>When the money went back (provider success_time), or when the refund failed or was closed.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    public string? FinishedBy { get; set; }
    /// <summary>Why it failed or was closed.</summary>
    public string? FailureReason { get; set; }
}
