namespace HospitalOrleans.Domain.Time;

/// <summary>When numbers are released, when online booking closes and how long an unpaid hold lasts.</summary>
public sealed record BookingCalendar
{
    public int ReleaseDaysAhead { get; init; } = 7;
    public TimeOnly ReleaseTime { get; init; } = new(7, 0);
    public int CutoffDaysBefore { get; init; } = 1;
    public TimeOnly CutoffTime { get; init; } = new(16, 0);
    public int HoldMinutes { get; init; } = 15;
    /// <summary>Days before today still shown to staff (yesterday's queue, last week's no-shows).</summary>
    public int PastDaysVisible { get; init; } = 7;
    /// <summary>How many days of sessions the schedule shows, today included.</summary>
    public int DaysShown { get; init; } = 14;

    public DateTimeOffset ReleaseAt(DateOnly date) =>
        HospitalTime.At(date.AddDays(-ReleaseDaysAhead), ReleaseTime);

    public DateTimeOffset OnlineCutoff(DateOnly date) =>
        HospitalTime.At(date.AddDays(-CutoffDaysBefore), CutoffTime);

    public TimeSpan Hold => TimeSpan.FromMinutes(HoldMinutes);

    public bool IsVisible(DateOnly date, DateTimeOffset now)
    {
        var today = HospitalTime.Today(now);
        return date >= today.AddDays(-PastDaysVisible) && date < today.AddDays(DaysShown);
    }

    public IEnumerable<string> Validate()
    {
        if (ReleaseDaysAhead is < 0 or > 90) yield return "ReleaseDaysAhead must be between 0 and 90.";
        if (CutoffDaysBefore is < 0 or > 30) yield return "CutoffDaysBefore must be between 0 and 30.";
        if (HoldMinutes is < 1 or > 24 * 60) yield return "HoldMinutes must be between 1 and 1440.";
        if (DaysShown is < 1 or > 60) yield return "DaysShown must be between 1 and 60.";
        if (PastDaysVisible is < 0 or > 60) yield return "PastDaysVisible must be between 0 and 60.";
    }
}
