using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

public sealed class RatioChangeTests
{
    private static readonly DateTimeOffset Later = TestPool.Open.AddHours(2);

    [Fact]
    public void RaisingTheShareMovesFreeWindowNumbersOnline()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        var decision = pool.ChangeRatio(50, "admin:li", "Expert clinic in demand online", Later);

        Assert.True(decision.Succeeded);
        Assert.True(decision.Changed);
        Assert.Equal(6, pool.QuotaOf(Channel.Online));
        Assert.Equal(6, pool.QuotaOf(Channel.Window));
        Assert.Equal(6, pool.State.OnlineTarget);
        Assert.Equal(50, pool.State.OnlinePercent);
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void LoweringTheShareMovesFreeOnlineNumbersToTheWindow()
    {
        var pool = TestPool.Opened(onlinePercent: 50);

        pool.ChangeRatio(25, "admin:li", "More walk-in patients", Later);

        Assert.Equal(3, pool.QuotaOf(Channel.Online));
        Assert.Equal(9, pool.QuotaOf(Channel.Window));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void SpreadsTheMovedNumbersOverThePeriods()
    {
        var pool = TestPool.Opened(onlinePercent: 0);

        pool.ChangeRatio(50, "admin:li", "Open online booking", Later);

        for (var period = 0; period < 3; period++)
            Assert.Equal(2, pool.State.Slots.Count(s => s.PeriodIndex == period && s.Channel == Channel.Online));
    }

    [Fact]
    public void NeverRevokesAnIssuedNumber()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var held = pool.Booked("P1", TestPool.Open);
        var paid = pool.Paid("P2", TestPool.Open);
        var drawn = pool.Drawn("P3", TestPool.Open);

        pool.ChangeRatio(0, "admin:li", "Online closed for this doctor", Later);
        pool.ChangeRatio(100, "admin:li", "Online only after all", Later);

        Assert.Equal(BookingStatus.Held, held.Status);
        Assert.Equal(BookingStatus.Confirmed, paid.Status);
        Assert.Equal(BookingStatus.Confirmed, drawn.Status);
        Assert.Equal(Channel.Online, pool.SlotOf(held.Serial).Channel);
        Assert.Equal(Channel.Online, pool.SlotOf(paid.Serial).Channel);
        Assert.Equal(Channel.Window, pool.SlotOf(drawn.Serial).Channel);
        Assert.Equal(held.BookingId, pool.SlotOf(held.Serial).BookingId);
        Assert.Equal(11, pool.QuotaOf(Channel.Online));
        Assert.Equal(1, pool.QuotaOf(Channel.Window));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void ClosesOnlineWhileItHasIssuedMoreThanTheNewShareAllows()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Paid("P1", TestPool.Open);
        pool.Paid("P2", TestPool.Open);
        pool.Paid("P3", TestPool.Open);
        pool.Paid("P4", TestPool.Open);

        pool.ChangeRatio(25, "admin:li", "More walk-in patients", Later);

        Assert.Equal(4, pool.QuotaOf(Channel.Online));
        Assert.Equal(3, pool.State.OnlineTarget);
        Assert.True(pool.OnlineOverTarget);
        Assert.Equal(0, pool.RemainingOf(Channel.Online));
        Assert.Equal(8, pool.RemainingOf(Channel.Window));
        Assert.Equal(Rejection.Closed, pool.BookOnline("P5", "r5", null, TestPool.Hold, Later).Rejection);
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void ReopensOnlineOnlyOnceCancellationsBringItUnderTheNewShare()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var bookings = Enumerable.Range(1, 6).Select(i => pool.Paid($"P{i}", TestPool.Open)).ToList();
        pool.ChangeRatio(25, "admin:li", "More walk-in patients", Later);

        // Six issued against a share of three: the first three numbers given back go to the window.
        for (var i = 0; i < 3; i++)
        {
            pool.Cancelled(bookings[i], Later);
            Assert.Equal(Channel.Window, pool.NewestSlot().Channel);
            Assert.False(pool.BookOnline("Q", $"q{i}", null, TestPool.Hold, Later).Succeeded);
        }
        Assert.Equal(3, pool.QuotaOf(Channel.Online));

        pool.Cancelled(bookings[3], Later);

        Assert.Equal(Channel.Online, pool.NewestSlot().Channel);
        Assert.Equal(pool.NewestSlot().Serial, pool.Booked("Q", Later).Serial);
        Assert.Equal(3, pool.QuotaOf(Channel.Online));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void MovesOnlyFreeNumbersWhenTheWindowHasIssuedMost()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        for (var i = 1; i <= 8; i++) pool.Drawn($"P{i}", TestPool.Open);

        pool.ChangeRatio(100, "admin:li", "Online only", Later);

        Assert.Equal(4, pool.QuotaOf(Channel.Online));
        Assert.Equal(12, pool.State.OnlineTarget);
        Assert.Equal(8, pool.IssuedOf(Channel.Window));
        Assert.Equal(0, pool.RemainingOf(Channel.Window));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void GivesAReturnedWindowNumberToOnlineWhileOnlineIsUnderItsShare()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var drawn = Enumerable.Range(1, 8).Select(i => pool.Drawn($"P{i}", TestPool.Open)).ToList();
        pool.ChangeRatio(100, "admin:li", "Online only", Later);

        pool.Cancelled(drawn[0], Later);

        Assert.Equal(Channel.Online, pool.NewestSlot().Channel);
        Assert.Equal(5, pool.QuotaOf(Channel.Online));
    }

    [Fact]
    public void RecordsWhoWhenFromToAndWhyForEveryChange()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        pool.ChangeRatio(50, "admin:li", "  Expert clinic in demand online  ", Later);
        pool.ChangeRatio(0, "admin:wang", "Online paused", Later.AddHours(1));

        Assert.Collection(pool.State.RatioChanges,
            first =>
            {
                Assert.Equal(Later, first.At);
                Assert.Equal("admin:li", first.By);
                Assert.Equal("Expert clinic in demand online", first.Reason);
                Assert.Equal(25, first.FromPercent);
                Assert.Equal(50, first.ToPercent);
                Assert.Equal(3, first.FromOnlineQuota);
                Assert.Equal(6, first.ToOnlineQuota);
                Assert.Equal(6, first.OnlineTarget);
            },
            second =>
            {
                Assert.Equal(Later.AddHours(1), second.At);
                Assert.Equal("admin:wang", second.By);
                Assert.Equal(50, second.FromPercent);
                Assert.Equal(0, second.ToPercent);
                Assert.Equal(6, second.FromOnlineQuota);
                Assert.Equal(0, second.ToOnlineQuota);
                Assert.True(second.Sequence > pool.State.RatioChanges[0].Sequence);
            });
    }

    [Fact]
    public void RecordsTheQuotaActuallyReachedWhenIssuedNumbersCannotMove()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Paid("P1", TestPool.Open);
        pool.Booked("P2", TestPool.Open);

        pool.ChangeRatio(0, "admin:li", "Online paused", Later);

        var change = Assert.Single(pool.State.RatioChanges);
        Assert.Equal(6, change.FromOnlineQuota);
        Assert.Equal(2, change.ToOnlineQuota);
        Assert.Equal(0, change.OnlineTarget);
    }

    [Theory]
    [InlineData("admin:li", "")]
    [InlineData("admin:li", "   ")]
    [InlineData("", "Because")]
    [InlineData(" ", "Because")]
    public void RefusesAChangeWithoutWhoOrWhy(string by, string reason)
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        var decision = pool.ChangeRatio(50, by, reason, Later);

        Assert.Equal(Rejection.Invalid, decision.Rejection);
        Assert.False(decision.Changed);
        Assert.Empty(pool.State.RatioChanges);
        Assert.Equal(3, pool.QuotaOf(Channel.Online));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void RefusesAShareOutsideZeroToHundred(int percent)
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        Assert.Equal(Rejection.Invalid, pool.ChangeRatio(percent, "admin:li", "Typo", Later).Rejection);
        Assert.Empty(pool.State.RatioChanges);
        Assert.Equal(25, pool.State.OnlinePercent);
    }

    [Fact]
    public void RefusesAChangeOnceOnlineBookingHasClosed()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        var decision = pool.ChangeRatio(50, "admin:li", "Too late", TestPool.OnlineCutoff);

        Assert.Equal(Rejection.Closed, decision.Rejection);
        Assert.Empty(pool.State.RatioChanges);
        Assert.Equal(3, pool.QuotaOf(Channel.Online));
    }
}
