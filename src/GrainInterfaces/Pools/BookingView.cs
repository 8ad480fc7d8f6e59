namespace HospitalOrleans.GrainInterfaces.Pools;

/// <summary>A booking as its holder and the staff see it. Times are hospital-local (UTC+8).</summary>
[GenerateSerializer, Alias("hospital.BookingView")]
public sealed record BookingView(
    [property: Id(0)] string BookingId,
    [property: Id(1)] string PoolId,
    [property: Id(2)] int Serial,
    [property: Id(3)] string PatientId,
    [property: Id(4)] string Channel,
    [property: Id(5)] string Status,
    [property: Id(6)] DateOnly Date,
    [property: Id(7)] string Session,
    [property: Id(8)] TimeOnly PeriodStart,
    [property: Id(9)] TimeOnly PeriodEnd,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? PayBy,
    [property: Id(12)] long FeeFen,
    [property: Id(13)] string DoctorId,
    [property: Id(14)] string DepartmentId)
{
    /// <summary>When the patient was checked in, if they were.</summary>
    [Id(15)] public DateTimeOffset? CheckedInAt { get; init; }
}
