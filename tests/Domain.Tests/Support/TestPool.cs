using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Tests.Support;

/// <summary>
/// A small session, all times explicit and in hospital time: Thursday 2026-12-03 morning, periods of
/// half an hour from 08:00 (three of four numbers by default), released 2026-11-26 07:00, online
/// closed 2026-12-02 16:00, over when the last period ends.
/// </summary>
public static class TestPool
{
    public const string Id = "D007-20261203-AM";
    public static readonly DateOnly Date = new(2026, 12, 3);
    public static readonly DateTimeOffset ReleaseAt = Local(2026, 11, 26, 7, 0);
    public static readonly DateTimeOffset OnlineCutoff = Local(2026, 12, 2, 16, 0);
    /// <summary>The evening before the visit.</summary>
    public static readonly DateTimeOffset VisitReminderAt = Local(2026, 12, 2, 18, 0);
    public static readonly DateTimeOffset SessionStart = Local(2026, 12, 3, 8, 0);
    /// <summary>End of the default three-period session.</summary>
    public static readonly DateTimeOffset SessionEnd = Local(2026, 12, 3, 9, 30);
    /// <summary>An ordinary moment when both channels are open.</summary>
    public static readonly DateTimeOffset Open = Local(2026, 11, 27, 9, 0);
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);

    public static readonly TimeOnly FirstPeriod = new(8, 0);
    public static readonly TimeOnly SecondPeriod = new(8, 30);
    public static readonly TimeOnly ThirdPeriod = new(9, 0);

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, HospitalTime.Offset);

    public static PoolDefinition Definition(
        int periods = 3,
        int numbersPerPeriod = 4,
        DateTimeOffset? releaseAt = null,
        DateTimeOffset? onlineCutoff = null)
    {
        var definition = new PoolDefinition
        {
            PoolId = Id,
            DoctorId = "D007",
            DepartmentId = "TMO",
            Date = Date,
            Session = Session.Morning,
            FeeFen = 5000,
            ReleaseAt = releaseAt ?? ReleaseAt,
            OnlineCutoff = onlineCutoff ?? OnlineCutoff,
            SessionEnd = HospitalTime.At(Date, FirstPeriod.AddMinutes(30 * periods)),
        };
        for (var i = 0; i < periods; i++)
        {
            var start = FirstPeriod.AddMinutes(30 * i);
            definition.Periods.Add(new Period { Start = start, End = start.AddMinutes(30), Capacity = numbersPerPeriod });
        }
        return definition;
    }

    public static NumberPool Opened(int onlinePercent, int periods = 3, int numbersPerPeriod = 4) =>
        new(NumberPool.Open(Definition(periods, numbersPerPeriod), onlinePercent));
}
