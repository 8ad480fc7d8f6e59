using BenchmarkDotNet.Attributes;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Benchmarks;

/// <summary>
/// Operations move a department's online share from 50 % to 60 % mid-rush (<see cref="NumberPool.ChangeRatio"/>)
/// on pools that are being booked at that very moment: the change runs inside the pool's turn like
/// a booking, so it must not stall the queue behind it. A day-R pool of 60, half full (15 online
/// paid, 15 window drawn): 6 free window numbers move online.
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
/// <remarks>
/// Each invocation changes the ratio and then puts every slot's channel and the ratio fields back
/// (a loop over 60 slots, no allocation), so each one starts from the same half-full pool.
/// </remarks>
[MemoryDiagnoser]
public class RatioChangeBenchmarks
{
    private NumberPool _pool = null!;
    private Channel[] _channels = [];
    private int _percent;
    private int _target;

    [GlobalSetup]
    public void Setup()
    {
        _pool = RushPools.Rush().WithOnline(15).WithWindow(15);
        _channels = _pool.State.Slots.Select(s => s.Channel).ToArray();
        _percent = _pool.State.OnlinePercent;
        _target = _pool.State.OnlineTarget;
        var before = _pool.QuotaOf(Channel.Online);
        var decision = _pool.ChangeRatio(60, "ops1", "bench", RushPools.Now);
        var after = _pool.QuotaOf(Channel.Online);
        Restore();
        if (!decision.Changed || before != 30 || after != 36 || _pool.QuotaOf(Channel.Online) != 30)
            throw new InvalidOperationException($"50 → 60 % on the half-full pool moved online {before} → {after}, expected 30 → 36, and back to 30.");
    }

    [Benchmark]
    public PoolDecision ChangeRatio50To60()
    {
        var decision = _pool.ChangeRatio(60, "ops1", "Department RD01 asks for more online numbers.", RushPools.Now);
        Restore();
        return decision;
    }

    private void Restore()
    {
        var slots = _pool.State.Slots;
        for (var i = 0; i < slots.Count; i++) slots[i].Channel = _channels[i];
        var state = _pool.State;
        state.RatioChanges.RemoveAt(state.RatioChanges.Count - 1);
        state.OnlinePercent = _percent;
        state.OnlineTarget = _target;
        state.Sequence--;
    }
}
