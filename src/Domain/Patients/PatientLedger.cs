namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// Everything the fairness rules remember about one patient; persisted whole. Kept bounded by
/// <see cref="FairnessRules.Prune"/>.
/// </summary>
public sealed class PatientLedger
{
    public List<LedgerEntry> Entries { get; set; } = new();
    public List<NoShowRecord> NoShows { get; set; } = new();
    /// <summary>The latest suspension, still set after it ran out; cleared only by a lift.</summary>
    public Suspension? Suspension { get; set; }
    public List<SuspensionLift> Lifts { get; set; } = new();
}
