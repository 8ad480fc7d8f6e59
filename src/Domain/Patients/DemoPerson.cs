namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// A fixed person of the demo master index, for the README walk-through and tests.
/// <see cref="Phone"/> is what the person types when binding; <see cref="MpiPhone"/> what the HIS
/// has on record, which differs for the person the demo uses to show a phone mismatch.
/// </summary>
public sealed record DemoPerson(string Name, DocumentType DocumentType, string DocumentNumber, string Phone, IReadOnlyList<string> OutpatientNumbers, string Note)
{
    public string MpiPhone { get; init; } = "";
    public DateOnly BirthDate { get; init; }
    /// <summary>"M" or "F".</summary>
    public string Sex { get; init; } = "";
}
