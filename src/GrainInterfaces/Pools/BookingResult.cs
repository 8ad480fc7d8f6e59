namespace HospitalOrleans.GrainInterfaces.Pools;

[GenerateSerializer, Alias("hospital.BookingResult")]
public sealed record BookingResult(
    [property: Id(0)] PoolOutcome Outcome,
    [property: Id(1)] BookingView? Booking,
    [property: Id(2)] string? Detail)
{
    /// <summary>For a suspension: when it ends.</summary>
    [Id(3)] public DateTimeOffset? Until { get; init; }

    /// <summary>The refusal in English, where the rule wrote one (fairness refusals).</summary>
    [Id(4)] public string? DetailEn { get; init; }

    public static BookingResult Failed(PoolOutcome outcome, string detail) => new(outcome, null, detail);
}
