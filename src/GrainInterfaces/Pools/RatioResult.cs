namespace HospitalOrleans.GrainInterfaces.Pools;

[GenerateSerializer, Alias("hospital.RatioResult")]
public sealed record RatioResult(
    [property: Id(0)] PoolOutcome Outcome,
    [property: Id(1)] PoolView? Pool,
    [property: Id(2)] string? Detail);
