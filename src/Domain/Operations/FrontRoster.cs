namespace HospitalOrleans.Domain.Operations;

/// <summary>
/// The web fronts the cluster has heard from. Fronts are Orleans clients, which the cluster's
/// membership does not list, so each one reports every <see cref="BeatInterval"/> and says
/// goodbye when it stops; a front that falls silent for three beats is <see cref="MachineState.Down"/>.
/// </summary>
public sealed class FrontRoster
{
    public static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(10);

    /// <summary>Three beats missed: one late beat is a busy front, three are a dead one.</summary>
    public static readonly TimeSpan DownAfter = 3 * BeatInterval;

    /// <summary>A front gone this long is dropped from the board (it was retired, not lost).</summary>
    public static readonly TimeSpan ForgottenAfter = TimeSpan.FromDays(1);

    public List<FrontEntry> Fronts { get; set; } = [];

    /// <summary>Records a beat; a front that restarted (new start time) is the same line, up again.</summary>
    public void Beat(string name, string address, DateTimeOffset startedAt, DateTimeOffset now)
    {
        Fronts.RemoveAll(f => f.Name == name);
        Fronts.Add(new FrontEntry(name, address, startedAt, now, LeftAt: null));
    }

    /// <summary>A front stopping on purpose; false when it never beat (nothing to mark).</summary>
    public bool Leave(string name, DateTimeOffset now)
    {
        var index = Fronts.FindIndex(f => f.Name == name);
        if (index < 0) return false;
        Fronts[index] = Fronts[index] with { LastSeen = now, LeftAt = now };
        return true;
    }

    /// <summary>Drops fronts gone longer than <see cref="ForgottenAfter"/>; true when any was dropped.</summary>
    public bool Forget(DateTimeOffset now) => Fronts.RemoveAll(f => now - f.LastSeen > ForgottenAfter) > 0;

    public IReadOnlyList<MachineStatus> View(DateTimeOffset now) => Fronts
        .Where(f => now - f.LastSeen <= ForgottenAfter)
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .Select(f => new MachineStatus(f.Name, f.Address, StateOf(f, now), f.StartedAt, f.LastSeen))
        .ToList();

    private static MachineState StateOf(FrontEntry front, DateTimeOffset now) =>
        front.LeftAt is not null ? MachineState.Stopped
        : now - front.LastSeen > DownAfter ? MachineState.Down
        : MachineState.Up;
}

/// <summary>A front's last word: its beat, or its goodbye.</summary>
public sealed record FrontEntry(string Name, string Address, DateTimeOffset StartedAt, DateTimeOffset LastSeen, DateTimeOffset? LeftAt);
