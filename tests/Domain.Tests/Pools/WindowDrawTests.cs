using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

public sealed class WindowDrawTests
{
    [Fact]
    public void DrawsAWindowNumberConfirmedAndPaidAtOnce()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        var decision = pool.DrawWindow("P1", "r1", TestPool.Open);

        Assert.True(decision.Succeeded);
        Assert.True(decision.Changed);
        var booking = decision.Booking!;
        Assert.Equal("D007-20261203-AM-001", booking.BookingId);
        Assert.Equal(Channel.Window, booking.Channel);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Null(booking.PayBy);
        Assert.Equal(TestPool.Open, booking.PaidAt);
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void DrawsOnlyWindowNumbersAndNeverAnOnlineOne()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        var serials = Enumerable.Range(1, 9).Select(i => pool.Drawn($"P{i}", TestPool.Open).Serial).ToList();
        var tenth = pool.DrawWindow("P10", "r10", TestPool.Open);

        Assert.Equal([1, 2, 3, 5, 6, 7, 9, 10, 11], serials);
        Assert.Equal(Rejection.SoldOut, tenth.Rejection);
        Assert.Equal(3, pool.RemainingOf(Channel.Online));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void RefusesBeforeTheNumbersAreReleased()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        var decision = pool.DrawWindow("P1", "r1", TestPool.ReleaseAt.AddMinutes(-1));

        Assert.Equal(Rejection.NotReleased, decision.Rejection);
        Assert.Empty(pool.State.Bookings);
    }

    [Fact]
    public void KeepsDrawingAfterTheOnlineCutoffUntilTheSessionEnds()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        pool.Drawn("P1", TestPool.OnlineCutoff);
        pool.Drawn("P2", TestPool.SessionStart);
        pool.Drawn("P3", TestPool.SessionEnd.AddTicks(-1));
        var late = pool.DrawWindow("P4", "r4", TestPool.SessionEnd);

        Assert.Equal(Rejection.Closed, late.Rejection);
        Assert.Contains("2026-12-03 09:30", late.Detail);
        Assert.Equal(3, pool.State.Bookings.Count);
    }

    [Fact]
    public void RejectsWindowDrawByPatientWhoHoldsAnOnlineNumber()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        pool.Booked("P1", TestPool.Open);

        var decision = pool.DrawWindow("P1", "r-window", TestPool.Open);

        Assert.Equal(Rejection.AlreadyBooked, decision.Rejection);
        Assert.Equal(9, pool.RemainingOf(Channel.Window));
    }

    [Fact]
    public void RejectsSecondWindowDrawBySamePatient()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        pool.Drawn("P1", TestPool.Open);

        Assert.Equal(Rejection.AlreadyBooked, pool.DrawWindow("P1", "r-again", TestPool.Open).Rejection);
    }

    [Fact]
    public void DrawsTheUnsoldOnlineNumbersOnceTheCutoffHasGivenThemToTheWindow()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        pool.Paid("P0", TestPool.Open);
        pool.Advance(TestPool.OnlineCutoff);

        var serials = Enumerable.Range(1, 11).Select(i => pool.Drawn($"P{i}", TestPool.SessionStart).Serial).ToList();

        Assert.Equal([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12], serials);
        Assert.Equal(Rejection.SoldOut, pool.DrawWindow("P12", "r12", TestPool.SessionStart).Rejection);
        PoolAssert.InvariantsHold(pool);
    }
}
