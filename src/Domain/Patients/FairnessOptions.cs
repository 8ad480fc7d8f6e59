namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// Limits on how many numbers one patient may hold, so that nobody (or no scalper using their
/// identity) hoards a popular doctor's numbers. The defaults follow what Chinese hospitals
/// commonly publish: one number per doctor per day and per department per half-day, a weekly
/// and a monthly cap on online bookings, and a 90-day online suspension after 3 no-shows in 90 days.
/// </summary>
public sealed class FairnessOptions
{
    /// <summary>Numbers one patient may hold with one doctor on one day (either session, either channel).</summary>
    public int PerDoctorDay { get; set; } = 1;

    /// <summary>Numbers one patient may hold in one department in one half-day (either channel).</summary>
    public int PerDepartmentSession { get; set; } = 1;

    /// <summary>Online bookings one patient may make in a calendar week, Monday–Sunday hospital time.</summary>
    public int OnlinePerWeek { get; set; } = 8;

    /// <summary>Online bookings one patient may make in a calendar month, hospital time.</summary>
    public int OnlinePerMonth { get; set; } = 12;

    /// <summary>No-shows within <see cref="NoShowWindowDays"/> that suspend online booking.</summary>
    public int NoShowThreshold { get; set; } = 3;

    public int NoShowWindowDays { get; set; } = 90;

    /// <summary>How long online booking stays suspended; the window still serves the patient.</summary>
    public int SuspensionDays { get; set; } = 90;

    /// <summary>What is wrong with these options; empty when they are usable.</summary>
    public IEnumerable<string> Validate()
    {
        if (PerDoctorDay is < 1 or > 10) yield return $"Fairness:PerDoctorDay must be 1–10, got {PerDoctorDay}.";
        if (PerDepartmentSession is < 1 or > 10) yield return $"Fairness:PerDepartmentSession must be 1–10, got {PerDepartmentSession}.";
        if (OnlinePerWeek is < 1 or > 100) yield return $"Fairness:OnlinePerWeek must be 1–100, got {OnlinePerWeek}.";
        // A month cap below the week cap is allowed: the week cap then never bites, which is odd but harmless.
        if (OnlinePerMonth is < 1 or > 400) yield return $"Fairness:OnlinePerMonth must be 1–400, got {OnlinePerMonth}.";
        if (NoShowThreshold is < 1 or > 100) yield return $"Fairness:NoShowThreshold must be 1–100, got {NoShowThreshold}.";
        if (NoShowWindowDays is < 1 or > 366) yield return $"Fairness:NoShowWindowDays must be 1–366, got {NoShowWindowDays}.";
        if (SuspensionDays is < 1 or > 366) yield return $"Fairness:SuspensionDays must be 1–366, got {SuspensionDays}.";
    }
}
