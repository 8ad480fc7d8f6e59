namespace HospitalOrleans.Domain.Patients;

/// <summary>Online booking is suspended from <see cref="From"/> until <see cref="Until"/>. Persisted as JSON.</summary>
public sealed class Suspension
{
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    /// <summary>Chinese, shown to the patient, e.g. "90 天内爽约 3 次".</summary>
    public string Reason { get; set; } = "";
    public string ReasonEn { get; set; } = "";

    // Only the end is compared: a silo whose clock runs a little behind the one that suspended
    // must still see the suspension as active.
    public bool IsActiveAt(DateTimeOffset now) => now < Until;
}
