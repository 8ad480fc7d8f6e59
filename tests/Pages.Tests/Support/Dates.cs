using System.Globalization;

namespace HospitalOrleans.Pages.Tests.Support;

public static class Dates
{
    /// <summary>
    /// Days whose numbers are released and still open online whatever the wall clock: the demo
    /// releases 7 days ahead at 07:00 and closes online at 16:00 the day before.
    /// </summary>
    public static IEnumerable<DateOnly> Bookable => Enumerable.Range(2, 5).Select(d => HospitalSite.Today.AddDays(d));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A CSS selector for an element whose data-date is one of <see cref="Bookable"/>.</summary>
    public static string BookableSelector(string baseSelector) =>
        string.Join(", ", Bookable.Select(d => $"{baseSelector}[data-date='{Iso(d)}']"));
}
