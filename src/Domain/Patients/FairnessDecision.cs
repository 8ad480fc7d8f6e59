namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// What the fairness rules decided about a reservation. <see cref="Detail"/> (Chinese) and
/// <see cref="DetailEn"/> name the limit and are shown to the patient as they are.
/// </summary>
/// <param name="Until">When a suspension ends.</param>
/// <param name="Existing">The entry already recorded for the same request id: a retry, allowed, nothing to add.</param>
public sealed record FairnessDecision(bool Allowed, FairnessRefusal? Refusal, string Detail, DateTimeOffset? Until, LedgerEntry? Existing)
{
    public string DetailEn { get; init; } = "";

    internal static FairnessDecision Allow() => new(true, null, "可以预约。", null, null) { DetailEn = "The booking may go ahead." };

    internal static FairnessDecision Retry(LedgerEntry existing) =>
        new(true, null, "这是同一请求的重试。", null, existing) { DetailEn = "This repeats a request already recorded." };

    internal static FairnessDecision Refuse(FairnessRefusal refusal, string detail, string detailEn, DateTimeOffset? until = null) =>
        new(false, refusal, detail, until, null) { DetailEn = detailEn };
}
