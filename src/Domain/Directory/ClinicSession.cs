namespace HospitalOrleans.Domain.Directory;

/// <summary>A recurring weekly clinic: this doctor sees patients on this weekday and half-day.</summary>
public sealed class WeeklyClinic
{
    public string DoctorId { get; set; } = "";
    public DayOfWeek DayOfWeek { get; set; }
    public Session Session { get; set; }
    /// <summary>Numbers in the session.</summary>
    public int Capacity { get; set; }
    public int PeriodMinutes { get; set; } = 30;
}

/// <summary>A one-off change to the weekly pattern on one date: an extra clinic or a cancelled one (停诊).</summary>
public sealed class ClinicOverride
{
    public string DoctorId { get; set; } = "";
    public DateOnly Date { get; set; }
    public Session Session { get; set; }
    public bool Cancelled { get; set; }
    public int Capacity { get; set; }
    public int PeriodMinutes { get; set; } = 30;
}
