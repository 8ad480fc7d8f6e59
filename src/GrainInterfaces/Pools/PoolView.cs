namespace HospitalOrleans.GrainInterfaces.Pools;

/// <summary>
/// A pool's split and what remains, per channel and per period. Immutable: the pool hands the same
/// view to every reader until it changes, and Orleans passes it on without copying.
/// </summary>
[GenerateSerializer, Immutable, Alias("hospital.PoolView")]
public sealed record PoolView(
    [property: Id(0)] string PoolId,
    [property: Id(1)] string DoctorId,
    [property: Id(2)] string DepartmentId,
    [property: Id(3)] DateOnly Date,
    [property: Id(4)] string Session,
    [property: Id(5)] long FeeFen,
    [property: Id(6)] int Total,
    [property: Id(7)] int OnlinePercent,
    [property: Id(8)] int OnlineQuota,
    [property: Id(9)] int WindowQuota,
    [property: Id(10)] int OnlineRemaining,
    [property: Id(11)] int WindowRemaining,
    [property: Id(12)] int OnlineIssued,
    [property: Id(13)] int WindowIssued,
    [property: Id(14)] bool OnlineClosed,
    [property: Id(15)] DateTimeOffset ReleaseAt,
    [property: Id(16)] DateTimeOffset OnlineCutoff,
    [property: Id(17)] DateTimeOffset SessionEnd,
    [property: Id(18)] IReadOnlyList<PeriodView> Periods);

[GenerateSerializer, Immutable, Alias("hospital.PeriodView")]
public sealed record PeriodView(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End,
    [property: Id(2)] int Capacity,
    [property: Id(3)] int OnlineRemaining,
    [property: Id(4)] int WindowRemaining);
