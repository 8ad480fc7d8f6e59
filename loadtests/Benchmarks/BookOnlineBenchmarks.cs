using BenchmarkDotNet.Attributes;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Benchmarks;

/// <summary>
/// One online booking decision (<see cref="NumberPool.BookOnline"/>), the step a pool grain takes
/// for every successful attempt while holding its turn: every microsecond here is a microsecond no
/// other patient of that doctor can be served, and the fill phase is 9,000 of them on 300 pools.
/// </summary>
/// <remarks>
/// Each invocation books one patient and then takes the booking back (<see cref="RushPools.UndoLastBooking"/>,
/// a few array writes, no allocation), so every invocation decides on the same state and the usual
/// BenchmarkDotNet loop applies; a pool per iteration would measure cold caches and setup noise.
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </remarks>
[MemoryDiagnoser]
public class BookOnlineBenchmarks
{
    private NumberPool _pool = null!;

    /// <summary>60 = a day-R pool (30 online); 500 = a day-S pool (all online, the sustained day).</summary>
    [Params(60, 500)]
    public int Numbers { get; set; }

    /// <summary>
    /// Fresh: the first booking. Half: half the online numbers already paid for, so the scans over
    /// bookings (replayed request, patient already booked) cost what they cost mid-rush.
    /// </summary>
    [Params(Fill.Fresh, Fill.HalfOnline)]
    public Fill Fill { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pool = Numbers == 60 ? RushPools.Rush() : RushPools.Sustained();
        var online = _pool.QuotaOf(Channel.Online);
        if (Fill == Fill.HalfOnline) _pool.WithOnline(online / 2);
        var trial = _pool.BookOnline("P900001", "bench-request", null, RushPools.Calendar.Hold, RushPools.Now);
        if (!trial.Succeeded)
            throw new InvalidOperationException($"The benchmarked booking is refused on a pool of {Numbers}, {Fill}: {trial.Rejection} {trial.Detail}");
        _pool.UndoLastBooking();
    }

    [Benchmark]
    public PoolDecision BookOnline()
    {
        var decision = _pool.BookOnline("P900001", "bench-request", null, RushPools.Calendar.Hold, RushPools.Now);
        _pool.UndoLastBooking();
        return decision;
    }
}

public enum Fill
{
    Fresh,
    HalfOnline,
}
