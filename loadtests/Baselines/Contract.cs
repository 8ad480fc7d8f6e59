using HospitalOrleans.Baselines.Engines;

namespace HospitalOrleans.Baselines;

// The bodies of the contract (loadtests/README.md), named and shaped as the platform's
// (src/WebFront/Apis, src/GrainInterfaces/Pools). Times are hospital-local (UTC+8).

public sealed record PatientSignInRequest(string? PatientId);

public sealed record StaffSignInRequest(string? UserName, string? Password);

public sealed record SignedInUser(string Name, IReadOnlyList<string> Roles, string? PatientId);

public sealed record BookOnlineRequest(string? PatientId, string? RequestId);

public sealed record DrawWindowRequest(string? PatientId, string? RequestId);

public sealed record RatioRequest(int? OnlinePercent, string? Reason);

/// <summary><c>GET /api/engine</c>: which engine serves, and what its 201 means.</summary>
public sealed record EngineDto(string Engine, string Durable, string Store, DateOnly DayR, DateOnly DayS, int Pools);

/// <summary>One pool: its split and what remains, per channel.</summary>
public sealed record PoolDto(
    string PoolId,
    string DoctorId,
    string DepartmentId,
    DateOnly Date,
    string Session,
    int Total,
    int OnlinePercent,
    int OnlineQuota,
    int WindowQuota,
    int OnlineRemaining,
    int WindowRemaining,
    int OnlineIssued,
    int WindowIssued,
    bool OnlineClosed,
    DateTimeOffset OnlineCutoff,
    DateTimeOffset SessionEnd)
{
    public static PoolDto From(RushPool pool, PoolCounts counts, DateTimeOffset now) => new(
        pool.PoolId, pool.DoctorId, pool.DepartmentId, pool.Date, pool.Session,
        counts.Total, counts.OnlinePercent, counts.OnlineQuota, counts.WindowQuota,
        counts.OnlineQuota - counts.OnlineIssued, counts.WindowQuota - counts.WindowIssued,
        counts.OnlineIssued, counts.WindowIssued,
        IsOnlineClosed(pool, counts, now), Local(pool.OnlineCutoff), Local(pool.SessionEnd));

    /// <summary>As the platform: past the cutoff, or online over its share after a cut.</summary>
    public static bool IsOnlineClosed(RushPool pool, PoolCounts counts, DateTimeOffset now) => now >= pool.OnlineCutoff || counts.OnlineOverTarget;

    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(RushDay.HospitalOffset);
}

public sealed record DoctorDto(string Id, string Name, string DepartmentId, bool Famous);

public sealed record DepartmentDto(string Id, string Name);

/// <summary>One pool in the day's schedule.</summary>
public sealed record ScheduleEntry(
    string PoolId,
    DoctorDto Doctor,
    DepartmentDto Department,
    DateOnly Date,
    string Session,
    int Total,
    int OnlinePercent,
    int OnlineQuota,
    int WindowQuota,
    int OnlineRemaining,
    int WindowRemaining,
    bool OnlineClosed,
    DateTimeOffset OnlineCutoff)
{
    public static ScheduleEntry From(RushPool pool, PoolCounts counts, DateTimeOffset now) => new(
        pool.PoolId,
        new DoctorDto(pool.DoctorId, $"Doctor {pool.DoctorId}", pool.DepartmentId, pool.Famous),
        new DepartmentDto(pool.DepartmentId, $"Department {pool.DepartmentId}"),
        pool.Date, pool.Session, counts.Total, counts.OnlinePercent, counts.OnlineQuota, counts.WindowQuota,
        counts.OnlineQuota - counts.OnlineIssued, counts.WindowQuota - counts.WindowIssued,
        PoolDto.IsOnlineClosed(pool, counts, now), PoolDto.Local(pool.OnlineCutoff));
}

/// <summary>A booking as its holder and the staff see it.</summary>
public sealed record BookingDto(
    string BookingId,
    string PoolId,
    int Serial,
    string PatientId,
    string Channel,
    string Status,
    DateOnly Date,
    string Session,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PayBy,
    string DoctorId,
    string DepartmentId)
{
    public static BookingDto From(StoredBooking booking, RushPool pool) => new(
        booking.BookingId, booking.PoolId, booking.Serial, booking.PatientId,
        booking.Channel == Engines.Channel.Online ? "online" : "window", booking.Status,
        pool.Date, pool.Session, PoolDto.Local(booking.CreatedAt), booking.PayBy is { } payBy ? PoolDto.Local(payBy) : null,
        pool.DoctorId, pool.DepartmentId);
}
