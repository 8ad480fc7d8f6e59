using BenchmarkDotNet.Attributes;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Benchmarks;

/// <summary>
/// The sold-out phase, the bulk of a real rush: a day-R pool of 60 with every number issued (30
/// paid online, 30 drawn at the window), asked again and again by patients who arrive too late.
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class SoldOutBenchmarks
{
    private NumberPool _pool = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pool = RushPools.Rush().WithOnline(30).WithWindow(30);
        if (RefuseAnyOnline() is not { Rejection: Rejection.SoldOut })
            throw new InvalidOperationException("The prepared pool of 60 is not sold out online.");
    }

    /// <summary>
    /// The early refusal that turns a late attempt away before the patient's fairness reservation
    /// is written and compensated: most attempts of the rush end here, so it must stay far cheaper
    /// than a booking and allocate nothing that grows with the pool.
    /// </summary>
    [Benchmark]
    public PoolDecision? RefuseAnyOnline() => _pool.RefuseAnyOnline("bench-request", RushPools.Now);

    /// <summary>
    /// The counts the availability read (<c>GET /api/pools/{id}</c>) is built from, the other half
    /// of the sold-out phase's traffic. Only the Domain part: the grain's <c>ToView</c> (per-period
    /// counts, the contract record) lives in src/Grains, which this project does not reference.
    /// </summary>
    [Benchmark]
    public Availability AvailabilityCounts() => new(
        _pool.Total,
        _pool.QuotaOf(Channel.Online),
        _pool.QuotaOf(Channel.Window),
        _pool.RemainingOf(Channel.Online),
        _pool.RemainingOf(Channel.Window),
        _pool.IssuedOf(Channel.Online),
        _pool.IssuedOf(Channel.Window),
        _pool.State.CutoffApplied || _pool.OnlineOverTarget);
}

public readonly record struct Availability(
    int Total, int OnlineQuota, int WindowQuota, int OnlineRemaining, int WindowRemaining, int OnlineIssued, int WindowIssued, bool OnlineClosed);
