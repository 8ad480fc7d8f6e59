using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

public sealed class HoldExpiryTests
{
    [Fact]
    public void KeepsAnUnpaidHoldUntilItsDeadline()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var booking = pool.Booked("P1", TestPool.Open);

        Assert.False(pool.Advance(TestPool.Open + TestPool.Hold - TimeSpan.FromTicks(1)));
        Assert.Equal(BookingStatus.Held, booking.Status);
        Assert.Equal(2, pool.RemainingOf(Channel.Online));
    }

    [Fact]
    public void ReleasesAnUnpaidHoldWhenItsDeadlinePasses()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var booking = pool.Booked("P1", TestPool.Open);
        var deadline = TestPool.Open + TestPool.Hold;

        Assert.True(pool.Advance(deadline));

        Assert.Equal(BookingStatus.Expired, booking.Status);
        Assert.Equal(deadline, booking.EndedAt);
        Assert.Equal("system:payment-deadline", booking.EndedBy);
        Assert.True(pool.SlotOf(booking.Serial).Void);
        Assert.Equal(Channel.Online, pool.NewestSlot().Channel);
        Assert.Equal(3, pool.RemainingOf(Channel.Online));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void LetsThePatientBookAgainAfterTheirHoldExpired()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var first = pool.Booked("P1", TestPool.Open);
        var later = TestPool.Open.AddHours(1);
        pool.Advance(later);

        var second = pool.Booked("P1", later);

        Assert.NotEqual(first.Serial, second.Serial);
    }

    [Fact]
    public void ConfirmsPaymentBeforeTheDeadlineAndKeepsTheNumber()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var booking = pool.Booked("P1", TestPool.Open);
        var paidAt = TestPool.Open.AddMinutes(14);

        var decision = pool.ConfirmPayment(booking.BookingId, paidAt);
        var advanced = pool.Advance(TestPool.Open.AddHours(1));

        Assert.True(decision.Succeeded);
        Assert.True(decision.Changed);
        Assert.False(advanced);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(paidAt, booking.PaidAt);
        Assert.Null(booking.EndedAt);
    }

    [Fact]
    public void RefusesPaymentAtTheDeadlineEvenBeforeTheHoldIsReleased()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var booking = pool.Booked("P1", TestPool.Open);

        var decision = pool.ConfirmPayment(booking.BookingId, TestPool.Open + TestPool.Hold);

        Assert.Equal(Rejection.NotLive, decision.Rejection);
        Assert.Equal(BookingStatus.Held, booking.Status);
        Assert.Null(booking.PaidAt);
    }

    [Fact]
    public void RefusesPaymentForAnExpiredHold()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var booking = pool.Booked("P1", TestPool.Open);
        pool.Advance(TestPool.Open.AddHours(1));

        Assert.Equal(Rejection.NotLive, pool.ConfirmPayment(booking.BookingId, TestPool.Open.AddMinutes(5)).Rejection);
        Assert.Equal(BookingStatus.Expired, booking.Status);
    }

    [Fact]
    public void ConfirmingAPaymentTwiceChangesNothing()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var booking = pool.Paid("P1", TestPool.Open);
        var sequence = pool.State.Sequence;

        var again = pool.ConfirmPayment(booking.BookingId, TestPool.Open.AddMinutes(1));

        Assert.True(again.Succeeded);
        Assert.False(again.Changed);
        Assert.Equal(TestPool.Open, booking.PaidAt);
        Assert.Equal(sequence, pool.State.Sequence);
    }

    [Fact]
    public void RefusesPaymentForAnUnknownBooking() =>
        Assert.Equal(Rejection.UnknownBooking, TestPool.Opened(onlinePercent: 25).ConfirmPayment("D007-20261203-AM-004", TestPool.Open).Rejection);

    [Fact]
    public void GivesUnsoldOnlineNumbersToTheWindowAtTheCutoff()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var paid = pool.Paid("P1", TestPool.Open);
        var held = pool.Booked("P2", TestPool.OnlineCutoff.AddMinutes(-5));

        Assert.True(pool.Advance(TestPool.OnlineCutoff));

        Assert.True(pool.State.CutoffApplied);
        Assert.Equal(2, pool.QuotaOf(Channel.Online));
        Assert.Equal(0, pool.RemainingOf(Channel.Online));
        Assert.Equal(10, pool.RemainingOf(Channel.Window));
        Assert.Equal(2, pool.State.OnlineTarget);
        Assert.Equal(Channel.Online, pool.SlotOf(paid.Serial).Channel);
        Assert.Equal(Channel.Online, pool.SlotOf(held.Serial).Channel);
        var audit = Assert.Single(pool.State.RatioChanges);
        Assert.Equal("system:online-cutoff", audit.By);
        Assert.Equal(TestPool.OnlineCutoff, audit.At);
        Assert.Equal(6, audit.FromOnlineQuota);
        Assert.Equal(2, audit.ToOnlineQuota);
        Assert.False(string.IsNullOrWhiteSpace(audit.Reason));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void AppliesTheCutoffOnlyOnce()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Advance(TestPool.OnlineCutoff);

        pool.Advance(TestPool.SessionStart);
        Assert.False(pool.Advance(TestPool.SessionStart.AddMinutes(1)));
        Assert.Single(pool.State.RatioChanges);
    }

    [Fact]
    public void ReturnsAHoldExpiringAfterTheCutoffToTheWindow()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var held = pool.Booked("P1", TestPool.OnlineCutoff.AddMinutes(-5));
        pool.Advance(TestPool.OnlineCutoff);

        Assert.True(pool.Advance(TestPool.OnlineCutoff.AddMinutes(10)));

        Assert.Equal(BookingStatus.Expired, held.Status);
        Assert.Equal(Channel.Window, pool.NewestSlot().Channel);
        Assert.Equal(0, pool.QuotaOf(Channel.Online));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void ReleasesAnOverdueHoldAndAppliesTheCutoffInOneStep()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var held = pool.Booked("P1", TestPool.Open);

        Assert.True(pool.Advance(TestPool.SessionStart));

        Assert.Equal(BookingStatus.Expired, held.Status);
        Assert.Equal(0, pool.QuotaOf(Channel.Online));
        Assert.Equal(12, pool.RemainingOf(Channel.Window));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void NextDeadlineIsTheEarliestUnpaidHoldOrElseTheCutoff()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        Assert.Equal(TestPool.OnlineCutoff, pool.NextDeadline(TestPool.Open));

        pool.Booked("P1", TestPool.Open.AddMinutes(5));
        pool.Booked("P2", TestPool.Open);
        pool.Paid("P3", TestPool.Open.AddMinutes(-30));

        Assert.Equal(TestPool.Open + TestPool.Hold, pool.NextDeadline(TestPool.Open));
    }

    [Fact]
    public void HasNoNextDeadlineOnceTheSessionIsOverAndNoHoldRemains()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Advance(TestPool.OnlineCutoff);
        Assert.Equal(TestPool.VisitReminderAt, pool.NextDeadline(TestPool.OnlineCutoff));

        pool.Advance(TestPool.VisitReminderAt);
        pool.Advance(TestPool.SessionEnd);
        Assert.Null(pool.NextDeadline(TestPool.SessionEnd));
    }

    [Fact]
    public void AdvancingBeforeAnyDeadlineChangesNothing()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Booked("P1", TestPool.Open);
        var sequence = pool.State.Sequence;

        Assert.False(pool.Advance(TestPool.Open.AddMinutes(1)));
        Assert.Equal(sequence, pool.State.Sequence);
        Assert.Equal(12, pool.State.Slots.Count);
    }
}
