using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Tests.Time;

public sealed class HospitalTimeTests
{
    [Fact]
    public void PlacesALocalTimeAtUtcPlusEight()
    {
        var instant = HospitalTime.At(new DateOnly(2026, 12, 3), new TimeOnly(8, 0));

        Assert.Equal(TimeSpan.FromHours(8), instant.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void TodayIsTheHospitalsDate()
    {
        Assert.Equal(new DateOnly(2026, 12, 3), HospitalTime.Today(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 12, 2), HospitalTime.Today(new DateTimeOffset(2026, 12, 2, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void ShowsAnyInstantInHospitalTime()
    {
        var local = HospitalTime.ToLocal(new DateTimeOffset(2026, 12, 3, 1, 30, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateTime(2026, 12, 3, 14, 30, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(8), local.Offset);
    }

    [Fact]
    public void TheClockReadsItsTimeProviderInHospitalTime()
    {
        var clock = new HospitalClock(new FixedTime(new DateTimeOffset(2026, 12, 2, 23, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.FromHours(8)), clock.Now);
        Assert.Equal(TimeSpan.FromHours(8), clock.Now.Offset);
    }

    private sealed class FixedTime(DateTimeOffset utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;
    }
}
