using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

public sealed class BookingOnlineTests
{
    [Fact]
    public void TakesAnOnlineNumberAndHoldsItUntilPayment()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        var decision = pool.BookOnline("P1", "r1", null, TestPool.Hold, TestPool.Open);

        Assert.True(decision.Succeeded);
        Assert.True(decision.Changed);
        var booking = decision.Booking!;
        Assert.Equal("D007-20261203-AM-004", booking.BookingId);
        Assert.Equal(4, booking.Serial);
        Assert.Equal(Channel.Online, booking.Channel);
        Assert.Equal(BookingStatus.Held, booking.Status);
        Assert.Equal(TestPool.Open + TestPool.Hold, booking.PayBy);
        Assert.Null(booking.PaidAt);
        Assert.Equal(booking.BookingId, pool.SlotOf(4).BookingId);
        Assert.Equal(2, pool.RemainingOf(Channel.Online));
        Assert.Equal(9, pool.RemainingOf(Channel.Window));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void TakesTheEarliestFreeOnlineNumber()
    {
        var pool = TestPool.Opened(onlinePercent: 50);

        Assert.Equal(2, pool.Booked("P1", TestPool.Open).Serial);
        Assert.Equal(4, pool.Booked("P2", TestPool.Open).Serial);
        Assert.Equal(6, pool.Booked("P3", TestPool.Open).Serial);
    }

    [Fact]
    public void TakesANumberInTheAskedForPeriod()
    {
        var pool = TestPool.Opened(onlinePercent: 50);

        var booking = pool.Booked("P1", TestPool.Open, TestPool.SecondPeriod);

        Assert.Equal(1, booking.PeriodIndex);
        Assert.Equal(6, booking.Serial);
    }

    [Fact]
    public void RefusesAPeriodTheSessionDoesNotHave()
    {
        var pool = TestPool.Opened(onlinePercent: 50);

        var decision = pool.BookOnline("P1", "r1", new TimeOnly(10, 0), TestPool.Hold, TestPool.Open);

        Assert.Equal(Rejection.UnknownPeriod, decision.Rejection);
        Assert.Empty(pool.State.Bookings);
    }

    [Fact]
    public void RefusesWhenTheAskedForPeriodHasNoOnlineNumberLeft()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        pool.Booked("P1", TestPool.Open, TestPool.FirstPeriod);

        var decision = pool.BookOnline("P2", "r2", TestPool.FirstPeriod, TestPool.Hold, TestPool.Open);

        Assert.Equal(Rejection.SoldOut, decision.Rejection);
        Assert.Equal(8, pool.Booked("P2", TestPool.Open, TestPool.SecondPeriod).Serial);
    }

    [Fact]
    public void NeverTakesAWindowNumberWhenOnlineIsSoldOut()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        pool.Booked("P1", TestPool.Open);
        pool.Booked("P2", TestPool.Open);
        pool.Booked("P3", TestPool.Open);

        var decision = pool.BookOnline("P4", "r4", null, TestPool.Hold, TestPool.Open);

        Assert.Equal(Rejection.SoldOut, decision.Rejection);
        Assert.False(decision.Changed);
        Assert.Null(decision.Booking);
        Assert.Equal(9, pool.RemainingOf(Channel.Window));
        Assert.Equal(3, pool.IssuedOf(Channel.Online));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void RefusesBeforeTheNumbersAreReleased()
    {
        var pool = TestPool.Opened(onlinePercent: 50);

        var decision = pool.BookOnline("P1", "r1", null, TestPool.Hold, TestPool.ReleaseAt.AddTicks(-1));

        Assert.Equal(Rejection.NotReleased, decision.Rejection);
        Assert.Contains("2026-11-26 07:00", decision.Detail);
        Assert.Empty(pool.State.Bookings);
        Assert.Equal(0, pool.State.Sequence);
    }

    [Fact]
    public void BooksFromTheMomentOfRelease() =>
        Assert.Equal(2, TestPool.Opened(onlinePercent: 50).Booked("P1", TestPool.ReleaseAt).Serial);

    [Fact]
    public void RefusesFromTheOnlineCutoffOn()
    {
        var pool = TestPool.Opened(onlinePercent: 50);

        var atCutoff = pool.BookOnline("P1", "r1", null, TestPool.Hold, TestPool.OnlineCutoff);
        var onTheDay = pool.BookOnline("P2", "r2", null, TestPool.Hold, TestPool.SessionStart);

        Assert.Equal(Rejection.Closed, atCutoff.Rejection);
        Assert.Contains("2026-12-02 16:00", atCutoff.Detail);
        Assert.Equal(Rejection.Closed, onTheDay.Rejection);
        Assert.Empty(pool.State.Bookings);
    }

    [Fact]
    public void BooksUntilJustBeforeTheOnlineCutoff() =>
        Assert.True(TestPool.Opened(onlinePercent: 50).BookOnline("P1", "r1", null, TestPool.Hold, TestPool.OnlineCutoff.AddTicks(-1)).Succeeded);

    [Fact]
    public void RejectsSecondBookingBySamePatientInSamePool()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Booked("P1", TestPool.Open);

        var decision = pool.BookOnline("P1", "r-second", TestPool.ThirdPeriod, TestPool.Hold, TestPool.Open);

        Assert.Equal(Rejection.AlreadyBooked, decision.Rejection);
        Assert.Single(pool.State.Bookings);
        Assert.Equal(5, pool.RemainingOf(Channel.Online));
    }

    [Fact]
    public void RejectsSecondBookingBySamePatientEvenAfterPaying()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Paid("P1", TestPool.Open);

        Assert.Equal(Rejection.AlreadyBooked, pool.BookOnline("P1", "r-second", null, TestPool.Hold, TestPool.Open).Rejection);
    }

    [Fact]
    public void RejectsOnlineBookingByPatientWhoDrewAtTheWindow()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Drawn("P1", TestPool.Open);

        Assert.Equal(Rejection.AlreadyBooked, pool.BookOnline("P1", "r-online", null, TestPool.Hold, TestPool.Open).Rejection);
    }

    [Fact]
    public void LetsThePatientBookAgainOnceTheirNumberIsCancelled()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var first = pool.Booked("P1", TestPool.Open);
        pool.Cancelled(first, TestPool.Open, actor: "P1", actorIsStaff: false);

        var second = pool.Booked("P1", TestPool.Open);

        Assert.NotEqual(first.Serial, second.Serial);
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void RefusesBeforeThePoolIsOpenedFromTheSchedule()
    {
        var pool = new NumberPool(new PoolState());

        Assert.Throws<InvalidOperationException>(() => pool.BookOnline("P1", "r1", null, TestPool.Hold, TestPool.Open));
    }
}
