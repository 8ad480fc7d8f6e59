using System.Globalization;
using HospitalOrleans.Baselines.Engines;

namespace HospitalOrleans.Baselines;

/// <summary>One doctor's half-day pool of the rush day, as every target seeds it (loadtests/README.md).</summary>
public sealed record RushPool(
    string PoolId,
    string DoctorId,
    string DepartmentId,
    bool Famous,
    DateOnly Date,
    string Session,
    int Total,
    int OnlinePercent,
    DateTimeOffset OnlineCutoff,
    DateTimeOffset SessionEnd)
{
    /// <summary>The serials (1..total) that start online: the platform's even spread.</summary>
    public IReadOnlyList<int> OnlineSerials() => PoolRules.OnlineSerials(Total, PoolRules.TargetFor(Total, OnlinePercent));

    public IReadOnlyList<int> WindowSerials()
    {
        var online = OnlineSerials().ToHashSet();
        return Enumerable.Range(1, Total).Where(s => !online.Contains(s)).ToList();
    }

    public string BookingId(int serial) => $"{PoolId}-{serial.ToString("000", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// The rush day in memory: day R (today + 2, hospital time) with 300 pools of 60 numbers at 50 % online,
/// day S (today + 3) with the same 300 pools of 500 numbers at 50 % online (as the platform opens them). The engines store what
/// changes (counts, free numbers, bookings); the catalogue answers what does not.
/// </summary>
public sealed class RushDay
{
    public const int Doctors = 150;
    public const int DoctorsPerDepartment = 15;
    public const int FamousDoctors = 5;
    public static readonly TimeSpan HospitalOffset = TimeSpan.FromHours(8);

    private readonly Dictionary<string, RushPool> _byId;

    private RushDay(DateOnly dayR, IReadOnlyList<RushPool> pools)
    {
        DayR = dayR;
        Pools = pools;
        _byId = pools.ToDictionary(p => p.PoolId, StringComparer.Ordinal);
    }

    public DateOnly DayR { get; }

    public DateOnly DayS => DayR.AddDays(1);

    public IReadOnlyList<RushPool> Pools { get; }

    public static RushDay For(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(HospitalOffset).DateTime);
        var dayR = today.AddDays(2);
        var pools = new List<RushPool>();
        foreach (var (date, total, percent) in new[] { (dayR, 60, 50), (dayR.AddDays(1), 500, 50) })
            for (var d = 1; d <= Doctors; d++)
                foreach (var session in new[] { "AM", "PM" })
                    pools.Add(Pool(d, date, session, total, percent));
        return new RushDay(dayR, pools);
    }

    public RushPool? Find(string poolId) => _byId.GetValueOrDefault(poolId);

    public IEnumerable<RushPool> On(DateOnly date, string? departmentId) =>
        Pools.Where(p => p.Date == date && (departmentId is null || p.DepartmentId == departmentId));

    public bool HasDepartment(string departmentId) => Pools.Any(p => p.DepartmentId == departmentId);

    public static DateTimeOffset HospitalAt(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), HospitalOffset);

    private static RushPool Pool(int doctor, DateOnly date, string session, int total, int percent)
    {
        var doctorId = $"R{doctor:000}";
        var departmentId = $"RD{(doctor - 1) / DoctorsPerDepartment + 1:00}";
        var poolId = $"{doctorId}-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{session}";
        // As the platform's calendar: online closes the day before at 16:00; AM ends 12:00, PM 17:30.
        var cutoff = HospitalAt(date.AddDays(-1), new TimeOnly(16, 0));
        var end = HospitalAt(date, session == "AM" ? new TimeOnly(12, 0) : new TimeOnly(17, 30));
        return new RushPool(poolId, doctorId, departmentId, doctor <= FamousDoctors, date, session, total, percent, cutoff, end);
    }
}
