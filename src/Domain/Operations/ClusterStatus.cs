namespace HospitalOrleans.Domain.Operations;

/// <summary>Every silo and web front the board knows of, each with its state.</summary>
public sealed record ClusterStatus(IReadOnlyList<MachineStatus> Silos, IReadOnlyList<MachineStatus> Fronts)
{
    public int SilosUp => Silos.Count(s => s.State == MachineState.Up);

    public int FrontsUp => Fronts.Count(f => f.State == MachineState.Up);

    /// <summary>Nothing for operations to look at: every machine serving (and at least one of each).</summary>
    public bool AllUp => SilosUp == Silos.Count && FrontsUp == Fronts.Count && Silos.Count > 0 && Fronts.Count > 0;
}
