using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

public sealed class IdempotencyTests
{
    [Fact]
    public void RetriedOnlineBookingGetsTheSameNumberAndTakesNothingMore()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var first = pool.BookOnline("P1", "r1", null, TestPool.Hold, TestPool.Open);
        var sequence = pool.State.Sequence;

        var retry = pool.BookOnline("P1", "r1", null, TestPool.Hold, TestPool.Open.AddMinutes(1));

        Assert.True(retry.Succeeded);
        Assert.False(retry.Changed);
        Assert.Same(first.Booking, retry.Booking);
        Assert.Single(pool.State.Bookings);
        Assert.Equal(5, pool.RemainingOf(Channel.Online));
        Assert.Equal(sequence, pool.State.Sequence);
        Assert.Equal(TestPool.Open + TestPool.Hold, retry.Booking!.PayBy);
    }

    [Fact]
    public void RetriedWindowDrawGetsTheSameNumberAndTakesNothingMore()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var first = pool.DrawWindow("P1", "r1", TestPool.Open);

        var retry = pool.DrawWindow("P1", "r1", TestPool.Open);

        Assert.False(retry.Changed);
        Assert.Equal(first.Booking!.BookingId, retry.Booking!.BookingId);
        Assert.Single(pool.State.Bookings);
        Assert.Equal(5, pool.RemainingOf(Channel.Window));
    }

    [Fact]
    public void RetryAfterTheCutoffStillGetsTheFirstAnswer()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var first = pool.Paid("P1", TestPool.Open);

        var retry = pool.BookOnline("P1", first.RequestId, null, TestPool.Hold, TestPool.OnlineCutoff.AddHours(1));

        Assert.True(retry.Succeeded);
        Assert.Equal(first.BookingId, retry.Booking!.BookingId);
    }

    [Fact]
    public void RetryAfterTheNumberWasCancelledTakesNoNewNumber()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var first = pool.Booked("P1", TestPool.Open);
        pool.Cancelled(first, TestPool.Open);

        var retry = pool.BookOnline("P1", first.RequestId, null, TestPool.Hold, TestPool.Open);

        Assert.False(retry.Changed);
        Assert.Equal(first.BookingId, retry.Booking!.BookingId);
        Assert.Equal(BookingStatus.Cancelled, retry.Booking.Status);
        Assert.Single(pool.State.Bookings);
        Assert.Equal(0, pool.IssuedOf(Channel.Online));
    }

    [Fact]
    public void RetriedRequestIsAnsweredEvenWhenThePatientMayNotBookAgain()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var first = pool.Booked("P1", TestPool.Open);

        Assert.True(pool.BookOnline("P1", first.RequestId, null, TestPool.Hold, TestPool.Open).Succeeded);
        Assert.Equal(Rejection.AlreadyBooked, pool.BookOnline("P1", "another", null, TestPool.Hold, TestPool.Open).Rejection);
    }

    [Fact]
    public void RejectsARequestIdReusedByAnotherPatient()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.BookOnline("P1", "r1", null, TestPool.Hold, TestPool.Open);

        var decision = pool.BookOnline("P2", "r1", null, TestPool.Hold, TestPool.Open);

        Assert.Equal(Rejection.RequestIdReused, decision.Rejection);
        Assert.Null(decision.Booking);
        Assert.Single(pool.State.Bookings);
    }

    [Fact]
    public void RejectsARequestIdReusedOnTheOtherChannel()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.DrawWindow("P1", "r1", TestPool.Open);

        var decision = pool.BookOnline("P1", "r1", null, TestPool.Hold, TestPool.Open);

        Assert.Equal(Rejection.RequestIdReused, decision.Rejection);
        Assert.Single(pool.State.Bookings);
    }
}
