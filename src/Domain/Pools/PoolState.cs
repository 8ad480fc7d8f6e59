using System.Text.Json.Serialization;

namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// Everything a pool must remember. Stored as a whole now and then (a snapshot) and, between
/// snapshots, as a <see cref="PoolJournal"/> of what changed since.
/// </summary>
public sealed record PoolState
{
    public PoolDefinition? Definition { get; set; }
    public int OnlinePercent { get; set; }
    /// <summary>Online numbers the current ratio asks for; the online channel may hold more until cancellations bring it down.</summary>
    public int OnlineTarget { get; set; }
    public List<Slot> Slots { get; set; } = new();
    public List<Booking> Bookings { get; set; } = new();
    public List<RatioChange> RatioChanges { get; set; } = new();
    public int NextSerial { get; set; } = 1;
    /// <summary>Free online numbers went to the window at the online cutoff.</summary>
    public bool CutoffApplied { get; set; }
    /// <summary>Monotonic counter of pool events (issue, end, ratio change).</summary>
    public long Sequence { get; set; }
    /// <summary>Notices owed to patients, not yet handed to their side.</summary>
    public List<PendingNotice> Outbox { get; set; } = new();
    /// <summary>The evening-before reminders were queued (or their time passed before the pool woke).</summary>
    public bool VisitRemindersQueued { get; set; }
    /// <summary>At the session's end, confirmed bookings not checked in were marked no-shows.</summary>
    public bool NoShowsApplied { get; set; }

    /// <summary>
    /// On a stored snapshot: which one it is (1, 2, …). A journal continues exactly one snapshot,
    /// so a journal left over from before the latest snapshot is recognised and ignored.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long SnapshotNumber { get; set; }

    public bool IsOpened => Definition is not null;

    /// <summary>
    /// A copy that shares nothing the pool changes later, taken in microseconds: slots and bookings
    /// are cloned; notices and ratio changes are never changed once added, and the definition never
    /// after opening, so those are shared. A new list property must be copied here too.
    /// </summary>
    public PoolState Copy() => this with
    {
        Slots = Slots.ConvertAll(slot => slot with { }),
        Bookings = Bookings.ConvertAll(booking => booking with { }),
        RatioChanges = new List<RatioChange>(RatioChanges),
        Outbox = new List<PendingNotice>(Outbox),
    };
}
