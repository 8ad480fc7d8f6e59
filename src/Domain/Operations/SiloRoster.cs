namespace HospitalOrleans.Domain.Operations;

/// <summary>A silo as the cluster's membership table records it (one row per start of a silo).</summary>
/// <param name="MarkedItselfDead">Whether the silo wrote its own death (it left), rather than the others voting it dead (it stopped answering).</param>
public sealed record SiloRow(string Name, string Address, SiloRowStatus Status, DateTimeOffset StartedAt, DateTimeOffset LastAlive, bool MarkedItselfDead);

/// <summary>The membership statuses the board distinguishes (Orleans' own, without the ones it never stores).</summary>
public enum SiloRowStatus
{
    Joining,
    Active,
    ShuttingDown,
    Dead,
}

/// <summary>
/// The silos for the board, from the membership table: one line per silo address, its latest start
/// (a restarted silo leaves its earlier, dead row behind), silos dead for a day left out.
/// Orleans records a silo that stopped on purpose and one that was killed alike, as dead; the
/// board tells them apart by who signed the death: a silo that leaves lists itself among its
/// suspectors, one that was killed is voted dead by the others.
/// </summary>
public static class SiloRoster
{
    public static IReadOnlyList<MachineStatus> View(IEnumerable<SiloRow> rows, DateTimeOffset now) => rows
        .GroupBy(r => r.Address, StringComparer.Ordinal)
        .Select(g => g.OrderByDescending(r => r.StartedAt).First())
        .Where(r => r.Status != SiloRowStatus.Dead || now - r.LastAlive <= FrontRoster.ForgottenAfter)
        .OrderBy(r => r.Name, StringComparer.Ordinal)
        .Select(r => new MachineStatus(r.Name, r.Address, StateOf(r), r.StartedAt, r.LastAlive))
        .ToList();

    private static MachineState StateOf(SiloRow row) => row.Status switch
    {
        SiloRowStatus.Joining => MachineState.Starting,
        SiloRowStatus.Active => MachineState.Up,
        SiloRowStatus.ShuttingDown => MachineState.Stopping,
        _ => row.MarkedItselfDead ? MachineState.Stopped : MachineState.Down,
    };
}
