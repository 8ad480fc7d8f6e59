using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Tests.Support;

/// <summary>
/// A pool's store as the grain keeps it (a snapshot now and then, a journal in between), with every
/// value passed through JSON as a real store would: after any write, what a fresh activation would
/// load must equal the state that was written.
/// </summary>
public sealed class StoredPool
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private byte[]? _snapshot;
    private byte[]? _journal;

    public int Snapshots { get; private set; }
    public int Journals { get; private set; }

    /// <summary>Writes <paramref name="current"/> the way the pool grain's store does.</summary>
    public void Write(PoolState current)
    {
        var stored = _snapshot is null ? null : JsonSerializer.Deserialize<PoolState>(_snapshot, Json)!;
        var changes = stored is null ? null : PoolJournal.Since(stored, current);
        if (stored is null || PoolJournal.SnapshotIsDue(changes!.Count, current))
        {
            var whole = current.Copy();
            whole.SnapshotNumber = (stored?.SnapshotNumber ?? 0) + 1;
            _snapshot = JsonSerializer.SerializeToUtf8Bytes(whole, Json);
            Snapshots++;
            return;
        }
        _journal = JsonSerializer.SerializeToUtf8Bytes(changes, Json);
        Journals++;
    }

    /// <summary>What an activation would load: the snapshot with the journal that continues it.</summary>
    public PoolState Load()
    {
        var snapshot = JsonSerializer.Deserialize<PoolState>(_snapshot!, Json)!;
        var journal = _journal is null ? null : JsonSerializer.Deserialize<PoolJournal>(_journal, Json);
        return PoolJournal.Durable(snapshot, journal);
    }

    /// <summary>A state's stored form without its snapshot number, to compare two states.</summary>
    public static string Canonical(PoolState state)
    {
        var copy = state.Copy();
        copy.SnapshotNumber = 0;
        return JsonSerializer.Serialize(copy, Json);
    }
}
