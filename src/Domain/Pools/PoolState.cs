namespace HospitalOrleans.Domain.Pools;

/// <summary>Everything a pool must remember; persisted whole on each group commit.</summary>
public sealed class PoolState
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

    public bool IsOpened => Definition is not null;
}
