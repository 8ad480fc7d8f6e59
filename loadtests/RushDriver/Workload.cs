using System.Text.Json;

namespace HospitalOrleans.RushDriver;

/// <summary>One pool of the schedule, with what the driver last heard of its remaining numbers.</summary>
public sealed class PoolInfo
{
    private int _onlineRemaining;
    private int _windowRemaining;

    public required string PoolId { get; init; }
    public required string DoctorId { get; init; }
    public required string DepartmentId { get; init; }
    public bool Famous { get; init; }
    public int OnlineQuota { get; set; }
    public int WindowQuota { get; set; }

    public int OnlineRemaining
    {
        get => Volatile.Read(ref _onlineRemaining);
        set => Volatile.Write(ref _onlineRemaining, value);
    }

    public int WindowRemaining
    {
        get => Volatile.Read(ref _windowRemaining);
        set => Volatile.Write(ref _windowRemaining, value);
    }

    /// <summary>Takes remaining and quotas from a pool or schedule entry body; ignores what is absent.</summary>
    public void Update(JsonElement pool)
    {
        if (pool.TryGetProperty("onlineRemaining", out var online) && online.TryGetInt32(out var o)) OnlineRemaining = o;
        if (pool.TryGetProperty("windowRemaining", out var window) && window.TryGetInt32(out var w)) WindowRemaining = w;
        if (pool.TryGetProperty("onlineQuota", out var oq) && oq.TryGetInt32(out var q1)) OnlineQuota = q1;
        if (pool.TryGetProperty("windowQuota", out var wq) && wq.TryGetInt32(out var q2)) WindowQuota = q2;
    }
}

/// <summary>The pools of one day and how the virtual patients choose among them.</summary>
public sealed class RushDay
{
    private readonly PoolInfo[] _famous;
    private readonly PoolInfo[] _others;

    public RushDay(DateOnly date, IReadOnlyList<PoolInfo> pools)
    {
        Date = date;
        Pools = pools;
        ById = pools.ToDictionary(p => p.PoolId);
        _famous = pools.Where(p => p.Famous).ToArray();
        _others = pools.Where(p => !p.Famous).ToArray();
        InitialOnlineQuota = pools.Sum(p => p.OnlineQuota);
    }

    public DateOnly Date { get; }
    public IReadOnlyList<PoolInfo> Pools { get; }
    public IReadOnlyDictionary<string, PoolInfo> ById { get; }
    public int InitialOnlineQuota { get; }
    public int FamousCount => _famous.Length;

    public bool AllOnlineGone => Pools.All(p => p.OnlineRemaining <= 0);
    public int KnownOnlineRemaining => Pools.Sum(p => Math.Max(0, p.OnlineRemaining));

    /// <summary>
    /// The rush's choice: half of the attempts go to a famous doctor's pool, the rest to the others;
    /// within the chosen half a pool with online numbers left as last known, else any of that half
    /// (a patient set on a famous doctor still tries).
    /// </summary>
    public PoolInfo PickRush(Random random)
    {
        var half = _famous.Length > 0 && (_others.Length == 0 || random.NextDouble() < 0.5) ? _famous : _others;
        return PickOpen(half, random) ?? half[random.Next(half.Length)];
    }

    /// <summary>Sustained booking: any pool with numbers left, uniformly.</summary>
    public PoolInfo PickAny(Random random)
    {
        var all = Pools;
        for (var tries = 0; tries < 8; tries++)
        {
            var pool = all[random.Next(all.Count)];
            if (pool.OnlineRemaining > 0) return pool;
        }
        return PickOpen(all, random) ?? all[random.Next(all.Count)];
    }

    /// <summary>A pool for a window draw: one with window numbers left as last known.</summary>
    public PoolInfo PickWindow(Random random)
    {
        for (var tries = 0; tries < 8; tries++)
        {
            var pool = Pools[random.Next(Pools.Count)];
            if (pool.WindowRemaining > 0) return pool;
        }
        return Pools[random.Next(Pools.Count)];
    }

    /// <summary>The department whose share operations move: the one named, else the first without a famous doctor.</summary>
    public string? RatioDepartment(string? named) =>
        named ?? Pools.GroupBy(p => p.DepartmentId).Where(g => !g.Any(p => p.Famous)).Select(g => g.Key).Order(StringComparer.Ordinal).FirstOrDefault()
        ?? Pools.Select(p => p.DepartmentId).Order(StringComparer.Ordinal).FirstOrDefault();

    public static RushDay FromSchedule(DateOnly date, JsonElement schedule)
    {
        var pools = new List<PoolInfo>();
        foreach (var entry in schedule.EnumerateArray())
        {
            var pool = new PoolInfo
            {
                PoolId = entry.GetProperty("poolId").GetString()!,
                DoctorId = entry.TryGetProperty("doctor", out var d) && d.TryGetProperty("id", out var did) ? did.GetString() ?? "" : "",
                DepartmentId = entry.TryGetProperty("department", out var dep) && dep.TryGetProperty("id", out var depId) ? depId.GetString() ?? "" : "",
                Famous = entry.TryGetProperty("doctor", out var doc) && doc.TryGetProperty("famous", out var f) && f.ValueKind == JsonValueKind.True,
            };
            pool.Update(entry);
            if (entry.TryGetProperty("onlineClosed", out var closed) && closed.ValueKind == JsonValueKind.True) pool.OnlineRemaining = 0;
            pools.Add(pool);
        }
        return new RushDay(date, pools);
    }

    private static PoolInfo? PickOpen(IReadOnlyList<PoolInfo> pools, Random random)
    {
        // Reservoir sampling over the pools with numbers left: one pass, no allocation.
        PoolInfo? chosen = null;
        var seen = 0;
        for (var i = 0; i < pools.Count; i++)
        {
            if (pools[i].OnlineRemaining <= 0) continue;
            seen++;
            if (random.Next(seen) == 0) chosen = pools[i];
        }
        return chosen;
    }
}

/// <summary>The two days of the rush in hospital time (UTC+8): R = today + 2, S = today + 3.</summary>
public static class RushCalendar
{
    public static DateOnly HospitalToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    public static DateOnly DayR(RushOptions o) => o.DayR ?? HospitalToday.AddDays(2);
    public static DateOnly DayS(RushOptions o) => o.DayS ?? HospitalToday.AddDays(3);
}
