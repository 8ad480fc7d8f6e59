namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// What changed in a pool since its last stored snapshot: the slots and bookings that differ from
/// the snapshot's (by position; new ones are appended) and every other field of the state, which is
/// small. A booking writes this instead of the whole pool: a few KB instead of 25–150 KB, so the
/// morning rush costs the store and the serializer little whatever the pool's size.
/// Each write holds everything since the snapshot (not since the previous journal), so the latest
/// journal alone, applied to the snapshot it names, gives the state.
/// </summary>
public sealed class PoolJournal
{
    /// <summary>The <see cref="PoolState.SnapshotNumber"/> this journal continues; 0 = none.</summary>
    public long SnapshotNumber { get; set; }

    /// <summary>The state's fields other than its slots and bookings (those lists are empty here).</summary>
    public PoolState Rest { get; set; } = new();

    public List<JournaledSlot> Slots { get; set; } = new();

    public List<JournaledBooking> Bookings { get; set; } = new();

    public int Count => Slots.Count + Bookings.Count;

    /// <summary>The journal of <paramref name="current"/> against the stored <paramref name="snapshot"/>; shares nothing with either.</summary>
    public static PoolJournal Since(PoolState snapshot, PoolState current) => new()
    {
        SnapshotNumber = snapshot.SnapshotNumber,
        Rest = current with
        {
            Slots = new List<Slot>(),
            Bookings = new List<Booking>(),
            RatioChanges = new List<RatioChange>(current.RatioChanges),
            Outbox = new List<PendingNotice>(current.Outbox),
            SnapshotNumber = 0,
        },
        Slots = Changed(snapshot.Slots, current.Slots, (index, slot) => new JournaledSlot(index, slot with { })),
        Bookings = Changed(snapshot.Bookings, current.Bookings, (index, booking) => new JournaledBooking(index, booking with { })),
    };

    /// <summary>
    /// The state this journal records, built on <paramref name="snapshot"/> and sharing nothing with
    /// it or the journal; null when the journal continues another snapshot, i.e. it is older than
    /// the snapshot and already in it.
    /// </summary>
    public PoolState? ApplyTo(PoolState snapshot)
    {
        if (SnapshotNumber == 0 || SnapshotNumber != snapshot.SnapshotNumber) return null;
        return (Rest with
        {
            Slots = Overlay(snapshot.Slots, Slots.Select(s => (s.Index, s.Slot)), "slot"),
            Bookings = Overlay(snapshot.Bookings, Bookings.Select(b => (b.Index, b.Booking)), "booking"),
            SnapshotNumber = snapshot.SnapshotNumber,
        }).Copy();
    }

    /// <summary>
    /// The durable state of a pool stored as <paramref name="snapshot"/> and, when one was written,
    /// <paramref name="journal"/>: the journal applied if it continues that snapshot, else the
    /// snapshot alone. Shares nothing with either.
    /// </summary>
    public static PoolState Durable(PoolState snapshot, PoolJournal? journal) =>
        journal?.ApplyTo(snapshot) ?? snapshot.Copy();

    /// <summary>
    /// Whether the next write should be a whole snapshot instead of this journal. A journal grows
    /// with every change until the next snapshot, and a snapshot costs the whole state: writing one
    /// every √(2n) changed items (n = slots + bookings) keeps the bytes written per change near their
    /// minimum (the journal's average half plus the snapshot's share); 16 at least, so small pools
    /// are not snapshotted on nearly every booking.
    /// </summary>
    public static bool SnapshotIsDue(int journaledItems, PoolState current)
    {
        var threshold = Math.Max(16, (int)Math.Sqrt(2.0 * (current.Slots.Count + current.Bookings.Count)));
        return journaledItems >= threshold;
    }

    private static List<TEntry> Changed<TItem, TEntry>(List<TItem> before, List<TItem> now, Func<int, TItem, TEntry> entry)
        where TItem : IEquatable<TItem>
    {
        var changed = new List<TEntry>();
        for (var i = 0; i < now.Count; i++)
            if (i >= before.Count || !now[i].Equals(before[i])) changed.Add(entry(i, now[i]));
        if (now.Count < before.Count)
            throw new InvalidOperationException("A pool never removes slots or bookings; a shorter list cannot be journaled.");
        return changed;
    }

    private static List<TItem> Overlay<TItem>(List<TItem> snapshot, IEnumerable<(int Index, TItem Item)> changes, string what)
        where TItem : class
    {
        var items = new List<TItem>(snapshot);
        foreach (var (index, item) in changes.OrderBy(c => c.Index))
        {
            if (index < items.Count) items[index] = item;
            else if (index == items.Count) items.Add(item);
            else throw new InvalidDataException($"The pool journal skips {what} {items.Count}: it does not continue this snapshot.");
        }
        return items;
    }
}

public sealed record JournaledSlot(int Index, Slot Slot);

public sealed record JournaledBooking(int Index, Booking Booking);
