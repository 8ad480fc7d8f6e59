using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

public sealed class OpeningTests
{
    [Fact]
    public void NumbersTheSlotsOneToTotalInPeriodOrder()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        Assert.Equal(Enumerable.Range(1, 12), pool.State.Slots.Select(s => s.Serial));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], pool.State.Slots.Select(s => s.PeriodIndex));
        Assert.All(pool.State.Slots, s => Assert.True(s.IsFree));
        Assert.Equal(13, pool.State.NextSerial);
        Assert.Empty(pool.State.Bookings);
    }

    [Fact]
    public void SpreadsTheOnlineShareEvenlyOverThePeriods()
    {
        Assert.Equal([4, 8, 12], TestPool.Opened(onlinePercent: 25).SerialsOf(Channel.Online));
        Assert.Equal([2, 4, 6, 8, 10, 12], TestPool.Opened(onlinePercent: 50).SerialsOf(Channel.Online));
    }

    [Theory]
    [InlineData(12, 20, 2)]   // 2.4
    [InlineData(10, 25, 3)]   // 2.5 rounds away from zero
    [InlineData(12, 0, 0)]
    [InlineData(12, 100, 12)]
    [InlineData(40, 20, 8)]
    [InlineData(7, 50, 4)]    // 3.5
    public void TargetIsThePercentOfTheTotalRoundedHalfAwayFromZero(int total, int percent, int target) =>
        Assert.Equal(target, NumberPool.TargetFor(total, percent));

    [Theory]
    [InlineData(3, 4, 0)]
    [InlineData(3, 4, 20)]
    [InlineData(3, 4, 33)]
    [InlineData(3, 4, 100)]
    [InlineData(8, 5, 20)]
    [InlineData(1, 1, 50)]
    [InlineData(5, 3, 67)]
    public void OnlineAndWindowQuotasAddUpToTheSessionTotal(int periods, int perPeriod, int percent)
    {
        var pool = TestPool.Opened(percent, periods, perPeriod);

        var total = periods * perPeriod;
        Assert.Equal(NumberPool.TargetFor(total, percent), pool.QuotaOf(Channel.Online));
        Assert.Equal(pool.State.OnlineTarget, pool.QuotaOf(Channel.Online));
        Assert.Equal(total, pool.QuotaOf(Channel.Online) + pool.QuotaOf(Channel.Window));
        Assert.Equal(percent, pool.State.OnlinePercent);
        PoolAssert.InvariantsHold(pool);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void RefusesToOpenWithAShareOutsideZeroToHundred(int percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberPool.Open(TestPool.Definition(), percent));
}
