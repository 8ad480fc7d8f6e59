using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Tests.Time;

public sealed class BookingCalendarTests
{
    private static readonly BookingCalendar Calendar = new();
    private static readonly DateOnly Thursday = new(2026, 12, 3);

    [Fact]
    public void ReleasesNumbersSevenDaysAheadAtSevenInTheMorning() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.FromHours(8)), Calendar.ReleaseAt(Thursday));

    [Fact]
    public void ClosesOnlineBookingAtFourThePreviousAfternoon() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.FromHours(8)), Calendar.OnlineCutoff(Thursday));

    [Fact]
    public void ReleaseIsAtElevenPmUtcTheDayBefore() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero), Calendar.ReleaseAt(Thursday).ToUniversalTime());

    [Fact]
    public void HoldsAnUnpaidNumberForFifteenMinutes() =>
        Assert.Equal(TimeSpan.FromMinutes(15), Calendar.Hold);

    [Fact]
    public void ShowsLastWeekAndTheNextFortnight()
    {
        var now = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));

        Assert.True(Calendar.IsVisible(new DateOnly(2026, 11, 26), now));
        Assert.False(Calendar.IsVisible(new DateOnly(2026, 11, 25), now));
        Assert.True(Calendar.IsVisible(new DateOnly(2026, 12, 16), now));
        Assert.False(Calendar.IsVisible(new DateOnly(2026, 12, 17), now));
    }

    [Fact]
    public void JudgesVisibilityByTheHospitalsDateNotUtc()
    {
        // 17:30 UTC on 2 December is already 01:30 on 3 December in the hospital.
        var now = new DateTimeOffset(2026, 12, 2, 17, 30, 0, TimeSpan.Zero);

        Assert.True(Calendar.IsVisible(new DateOnly(2026, 12, 16), now));
        Assert.False(Calendar.IsVisible(new DateOnly(2026, 11, 25), now));
    }

    [Fact]
    public void AcceptsItsDefaults() => Assert.Empty(Calendar.Validate());

    [Fact]
    public void ExplainsEverySettingOutOfRange()
    {
        var calendar = new BookingCalendar { ReleaseDaysAhead = 91, CutoffDaysBefore = -1, HoldMinutes = 0, DaysShown = 0, PastDaysVisible = 61 };

        var problems = calendar.Validate().ToList();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("HoldMinutes", StringComparison.Ordinal));
    }
}
