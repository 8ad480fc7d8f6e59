namespace HospitalOrleans.Domain.Billing;

public enum MismatchKind
{
    /// <summary>We have it as succeeded, the provider's bill for the day does not list it.</summary>
    MissingAtProvider,
    /// <summary>The provider has it, our records do not: money moved that no invoice shows.</summary>
    MissingInOurRecords,
    AmountDiffers,
    /// <summary>Both know it but disagree on its state, e.g. a refund pending with us and succeeded at the provider (a lost notification).</summary>
    StateDiffers,
    /// <summary>Both know the reference but name different transaction or refund ids.</summary>
    ProviderIdDiffers,
}

/// <summary>One disagreement between our records and the provider's bill, with both sides as found.</summary>
public sealed record ReconciliationMismatch(MismatchKind Kind, EntryKind Entry, string Reference, OurEntry? Ours, ProviderEntry? Theirs, string Detail);

/// <summary>Money in and out through one channel on one day.</summary>
public sealed record ChannelTotal(PaymentChannel Channel, long PaymentsFen, int Payments, long RefundsFen, int Refunds)
{
    public long NetFen => PaymentsFen - RefundsFen;
}

/// <summary>
/// The day's comparison. <see cref="Ours"/> has a total for every channel; <see cref="Provider"/>
/// is WeChat's, the only channel with a provider (cash and card are counted at the windows).
/// Balanced when nothing disagrees and our WeChat net equals the provider's.
/// </summary>
public sealed record ReconciliationReport(
    DateOnly Day,
    IReadOnlyList<ReconciliationMismatch> Mismatches,
    IReadOnlyList<ChannelTotal> Ours,
    ChannelTotal Provider)
{
    public bool Balanced => Mismatches.Count == 0 && OursFor(PaymentChannel.WeChat).NetFen == Provider.NetFen;

    public ChannelTotal OursFor(PaymentChannel channel) => Ours.First(t => t.Channel == channel);
}
