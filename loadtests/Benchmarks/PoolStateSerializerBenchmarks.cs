using BenchmarkDotNet.Attributes;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Storage;

namespace HospitalOrleans.Benchmarks;

/// <summary>
/// A pool's whole <see cref="PoolState"/> goes through <see cref="JsonGrainStorageSerializer"/> on
/// every group commit (serialize) and on every activation (deserialize). In the fill phase the
/// commits of 300 pools run back to back, so the serializer's time and garbage sit on the booking
/// path; after a restart or a failover every pool is read again at once. Sizes: run with --sizes.
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class PoolStateSerializerBenchmarks
{
    private readonly JsonGrainStorageSerializer _serializer = new();
    private PoolState _state = null!;
    private BinaryData _stored = null!;

    [Params(PoolShape.Rush60Full, PoolShape.Sustained500Half)]
    public PoolShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _state = PoolStates.Build(Shape);
        _stored = _serializer.Serialize(_state);
        var back = _serializer.Deserialize<PoolState>(_stored);
        if (back?.Bookings.Count != _state.Bookings.Count || back.Slots.Count != _state.Slots.Count)
            throw new InvalidOperationException($"{Shape} does not come back whole from the serializer.");
    }

    [Benchmark]
    public BinaryData Serialize() => _serializer.Serialize(_state);

    [Benchmark]
    public PoolState? Deserialize() => _serializer.Deserialize<PoolState>(_stored);
}

public enum PoolShape
{
    /// <summary>A day-R pool after the fill phase: 30 online numbers paid, 30 drawn at the window.</summary>
    Rush60Full,
    /// <summary>A day-S pool mid-day: 250 of its 500 online numbers paid.</summary>
    Sustained500Half,
}

public static class PoolStates
{
    public static PoolState Build(PoolShape shape) => shape switch
    {
        PoolShape.Rush60Full => RushPools.Rush().WithOnline(30).WithWindow(30).State,
        PoolShape.Sustained500Half => RushPools.Sustained().WithOnline(250).State,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "No such pool shape."),
    };
}
