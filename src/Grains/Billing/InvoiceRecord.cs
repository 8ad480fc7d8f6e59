using HospitalOrleans.Domain.Billing;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// The stored invoice and what the grain still owes the outside world about it. The owed work is
/// stored with the decision that created it, so a crash between "decided" and "told WeChat Pay /
/// the pool / the patient" is finished by the next activation's follow-up.
/// </summary>
public sealed class InvoiceRecord
{
    public Invoice? Invoice { get; set; }

    /// <summary>prepay_id of each WeChat order (out_trade_no → prepay_id): a second "pay" reuses the order.</summary>
    public Dictionary<string, string> PrepayIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Orders looked at after they expired (paid, or closed at WeChat Pay): nothing more to ask about them.</summary>
    public HashSet<string> ConcludedOrders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Orders to close at WeChat Pay (the booking was cancelled or released while the order was open).</summary>
    public HashSet<string> OrdersToClose { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Refunds WeChat Pay accepted (answered PROCESSING or a result): followed by query, never sent again.</summary>
    public HashSet<string> SentRefunds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A refunded registration whose number has not gone back to its pool yet.</summary>
    public bool BookingReleaseOwed { get; set; }

    /// <summary>Refunds (out_refund_no) the patient is still to be told about: money that arrived and is going back.</summary>
    public HashSet<string> RefundNoticesOwed { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Hospital-time days whose ledger already lists this invoice.</summary>
    public HashSet<DateOnly> LedgerDays { get; set; } = new();
}
