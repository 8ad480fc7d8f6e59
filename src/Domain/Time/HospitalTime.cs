namespace HospitalOrleans.Domain.Time;

/// <summary>
/// Hospital-local time. China has kept UTC+8 without daylight saving since 1991, so a fixed
/// offset is exact and needs no time-zone database on the host.
/// </summary>
public static class HospitalTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now).DateTime);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time), Offset);
}

/// <summary>
/// The application's clock. Release times, cutoffs and payment deadlines read it, so tests can
/// move time; the silo keeps its own TimeProvider for timers and membership.
/// </summary>
public sealed class HospitalClock(TimeProvider time)
{
    public static readonly HospitalClock System = new(TimeProvider.System);

    public DateTimeOffset Now => HospitalTime.ToLocal(time.GetUtcNow());

    /// <summary>For code that takes a TimeProvider (token expiry, replay windows) and must follow the same clock.</summary>
    public TimeProvider Provider => time;
}
