using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Grains.Pools;

/// <summary>
/// A pool's durable state in two grain states of the same storage provider: the whole state now
/// and then (<c>pool</c>, a snapshot) and, between snapshots, a journal of what changed since
/// (<c>pool-journal</c>, see <see cref="PoolJournal"/>). Each write holds every decision taken so
/// far and replaces the previous journal, so one row per state is all a pool ever has.
/// </summary>
internal sealed class PoolStore(IPersistentState<PoolState> snapshot, IPersistentState<PoolJournal> journal)
{
    public const string SnapshotStateName = "pool";
    public const string JournalStateName = "pool-journal";

    /// <summary>The last durable state as a working copy; null when the pool was never stored.</summary>
    public PoolState? Load()
    {
        if (!snapshot.RecordExists || !snapshot.State.IsOpened) return null;
        return PoolJournal.Durable(snapshot.State, journal.RecordExists ? journal.State : null);
    }

    /// <summary>
    /// Makes <paramref name="current"/> durable. What is written is copied before this method first
    /// awaits, so decisions taken while the write is in flight change only the working state.
    /// </summary>
    public Task WriteAsync(PoolState current)
    {
        var stored = snapshot.State;
        // A snapshot written before journals existed has no number: nothing can continue it.
        if (!snapshot.RecordExists || stored.SnapshotNumber == 0) return WriteSnapshotAsync(current);
        var changes = PoolJournal.Since(stored, current);
        if (PoolJournal.SnapshotIsDue(changes.Count, current)) return WriteSnapshotAsync(current);
        journal.State = changes;
        return journal.WriteStateAsync();
    }

    private Task WriteSnapshotAsync(PoolState current)
    {
        var whole = current.Copy();
        whole.SnapshotNumber = snapshot.State.SnapshotNumber + 1;
        // The journal row is left as it is: it names the previous snapshot, so it is ignored from now on.
        snapshot.State = whole;
        return snapshot.WriteStateAsync();
    }
}
