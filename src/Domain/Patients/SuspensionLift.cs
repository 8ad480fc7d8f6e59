namespace HospitalOrleans.Domain.Patients;

/// <summary>Audit record of staff ending a suspension early: who, when, why, and what it would have run to.</summary>
public sealed class SuspensionLift
{
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset WasUntil { get; set; }
}
