namespace HospitalOrleans.Domain.Directory;

/// <summary>Checks schedule edits before they reach the directory; null means acceptable.</summary>
public static class ClinicRules
{
    public const int MaxCapacity = 500;

    public static string? CheckWeekly(string doctorId, IReadOnlyList<WeeklyClinic> clinics)
    {
        foreach (var clinic in clinics)
        {
            if (clinic.DoctorId != doctorId) return $"Every clinic must belong to doctor '{doctorId}'.";
            if (CheckShape(clinic.Capacity, clinic.PeriodMinutes) is { } problem) return problem;
        }
        var duplicate = clinics.GroupBy(c => (c.DayOfWeek, c.Session)).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"Two clinics on {duplicate.Key.DayOfWeek} {duplicate.Key.Session}.";
    }

    public static string? CheckOverride(ClinicOverride change) =>
        change.Cancelled ? null : CheckShape(change.Capacity, change.PeriodMinutes);

    private static string? CheckShape(int capacity, int periodMinutes)
    {
        if (capacity is < 1 or > MaxCapacity) return $"Capacity must be 1–{MaxCapacity}, got {capacity}.";
        if (periodMinutes is not (10 or 15 or 20 or 30 or 60)) return $"Period length must be 10, 15, 20, 30 or 60 minutes, got {periodMinutes}.";
        return null;
    }
}
