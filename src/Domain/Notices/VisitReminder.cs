using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Notices;

/// <summary>Patients are reminded of a confirmed visit the evening before, when they plan the trip.</summary>
public static class VisitReminder
{
    public static readonly TimeOnly TimeOfDay = new(18, 0);

    public static DateTimeOffset DueAt(DateOnly visitDate) => HospitalTime.At(visitDate.AddDays(-1), TimeOfDay);
}
