namespace HospitalOrleans.Pages.Tests.Support;

/// <summary>
/// The money journeys' own site, on a clock that reads 09:00 today when it starts (a
/// <see cref="MorningSite"/> of its own): the day's takings and its reconciliation then hold only
/// what these tests paid, and for tomorrow's clinics the site's today is the day before the visit.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MoneySiteCollection : ICollectionFixture<MorningSite>
{
    public const string Name = "money site";
}
