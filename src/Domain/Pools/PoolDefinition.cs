using HospitalOrleans.Domain.Directory;

namespace HospitalOrleans.Domain.Pools;

/// <summary>What a pool is, fixed when the pool is first opened from the schedule.</summary>
public sealed class PoolDefinition
{
    public string PoolId { get; set; } = "";
    public string DoctorId { get; set; } = "";
    public string DepartmentId { get; set; } = "";
    public DateOnly Date { get; set; }
    public Session Session { get; set; }
    public long FeeFen { get; set; }
    public List<Period> Periods { get; set; } = new();
    public DateTimeOffset ReleaseAt { get; set; }
    public DateTimeOffset OnlineCutoff { get; set; }
    public DateTimeOffset SessionEnd { get; set; }

    public int Total => Periods.Sum(p => p.Capacity);
}

/// <summary>A time period of a session and how many numbers it holds, e.g. 08:00–08:30 holds 6.</summary>
public sealed class Period
{
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int Capacity { get; set; }
}
