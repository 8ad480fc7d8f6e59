namespace HospitalOrleans.Domain.Patients;

/// <summary>A confirmed booking the patient neither used nor cancelled. Persisted as JSON.</summary>
public sealed class NoShowRecord
{
    public string BookingId { get; set; } = "";
    /// <summary>The visit date that was missed; the no-show window counts by this date.</summary>
    public DateOnly Date { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>
    /// Already led to a suspension, or was forgiven when staff lifted one: kept on record, no
    /// longer counted towards a new suspension.
    /// </summary>
    public bool Settled { get; set; }
}
