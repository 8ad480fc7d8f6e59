using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Pages.Tests.Support;

/// <summary>
/// A second site whose clock reads 09:00 hospital time today when it starts, and runs on from
/// there: check-in works only on the visit day until the clinic ends, so the check-in pages are
/// tested in a morning clinic whatever the hour the suite runs. The WeChat simulator shares the clock.
/// </summary>
public sealed class MorningSite() : HospitalSite(new MorningClock())
{
    /// <summary>Today as this site's clock reads it.</summary>
    public DateOnly SiteToday => HospitalTime.Today(Clock.Now);

    private sealed class MorningClock : TimeProvider
    {
        private static readonly TimeOnly Nine = new(9, 0);
        private readonly TimeSpan _shift;

        public MorningClock()
        {
            var now = TimeProvider.System.GetUtcNow();
            _shift = HospitalTime.At(HospitalTime.Today(now), Nine) - now;
        }

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;
    }
}

[CollectionDefinition(Name)]
public sealed class MorningSiteCollection : ICollectionFixture<MorningSite>
{
    public const string Name = "morning site";
}
