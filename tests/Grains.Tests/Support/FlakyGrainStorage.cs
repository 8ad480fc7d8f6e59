using System.Collections.Concurrent;
using System.Text.Json;
using HospitalOrleans.Domain.Pools;
using Orleans.Storage;

namespace HospitalOrleans.Grains.Tests.Support;

/// <summary>
/// In-memory grain storage with ETags whose writes can be made to fail, to prove that a failed
/// group commit acknowledges nothing and loses nothing acknowledged. Values are stored as JSON,
/// so nothing in memory is shared between the store and a live grain.
/// </summary>
public sealed class FlakyGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> _rows = new();
    private int _version;

    public volatile bool FailWrites;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Json)!;
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var json = JsonSerializer.Serialize(grainState.State);
        await Task.Yield(); // a real store answers later; let other calls interleave meanwhile
        if (FailWrites)
            throw new InvalidOperationException("Injected storage failure.");
        var key = Key(stateName, grainId);
        var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_rows)
        {
            var current = _rows.TryGetValue(key, out var row) ? row.ETag : null;
            if (current != grainState.ETag)
                throw new InconsistentStateException($"ETag mismatch for {key}: stored {current}, written {grainState.ETag}.");
            _rows[key] = (json, etag);
        }
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>The stored (durable) value, bypassing any activation.</summary>
    public T? Stored<T>(string stateName, GrainId grainId) =>
        _rows.TryGetValue(Key(stateName, grainId), out var row) ? JsonSerializer.Deserialize<T>(row.Json) : default;

    /// <summary>A pool's durable state: its stored snapshot with its stored journal applied.</summary>
    public PoolState? DurablePool(GrainId grainId)
    {
        var snapshot = Stored<PoolState>("pool", grainId);
        if (snapshot is null) return null;
        return PoolJournal.Durable(snapshot, Stored<PoolJournal>("pool-journal", grainId));
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
