namespace HospitalOrleans.Domain.Billing;

public enum EntryKind
{
    /// <summary>Money in; referenced by out_trade_no (WeChat) or the window's transaction id (cash, card).</summary>
    Payment,
    /// <summary>Money out; referenced by out_refund_no.</summary>
    Refund,
}

/// <summary>Where a payment or refund stands, on either side. A payment on record is always Succeeded.</summary>
public enum EntryState
{
    Pending,
    Succeeded,
    Failed,
    Closed,
}

/// <summary>
/// A payment or refund in our records (see <see cref="Reconciliation.EntriesOf"/>).
/// <see cref="At"/> is when the money moved as the provider dates it (success_time), so both
/// sides put the entry on the same day; a refund not finished yet is dated when it was asked for.
/// </summary>
/// <param name="Reference">out_trade_no or out_refund_no; for cash and card payments, the transaction id.</param>
/// <param name="ProviderId">WeChat transaction_id or refund_id; null when not known yet, and for cash and card refunds.</param>
public sealed record OurEntry(
    EntryKind Kind,
    PaymentChannel Channel,
    string Reference,
    string? ProviderId,
    long AmountFen,
    EntryState State,
    DateTimeOffset At,
    string InvoiceId);

/// <summary>A line of the provider's (WeChat Pay's) bill for the day.</summary>
public sealed record ProviderEntry(
    EntryKind Kind,
    string Reference,
    string? ProviderId,
    long AmountFen,
    EntryState State,
    DateTimeOffset At);
