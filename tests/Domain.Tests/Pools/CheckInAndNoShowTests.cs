using HospitalOrleans.Domain.Notices;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

public sealed class CheckInAndNoShowTests
{
    private static readonly DateTimeOffset VisitMorning = TestPool.SessionStart.AddMinutes(-30);

    [Fact]
    public void ChecksInAConfirmedBookingOnTheVisitDayOnce()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Paid("P1", TestPool.Open);

        var first = pool.CheckIn(booking.BookingId, "clerk1", VisitMorning);
        var again = pool.CheckIn(booking.BookingId, "kiosk", VisitMorning.AddMinutes(5));

        Assert.True(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal(VisitMorning, booking.CheckedInAt);
        Assert.Equal("clerk1", booking.CheckedInBy);
    }

    [Fact]
    public void RefusesCheckInBeforeTheVisitDayAndForAnUnpaidHold()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var paid = pool.Paid("P1", TestPool.Open);
        var held = pool.Booked("P2", TestPool.Open);

        Assert.Equal(Rejection.Closed, pool.CheckIn(paid.BookingId, "clerk1", TestPool.Open).Rejection);
        Assert.Equal(Rejection.NotLive, pool.CheckIn(held.BookingId, "clerk1", TestPool.Open.AddMinutes(1)).Rejection);
    }

    [Fact]
    public void MarksConfirmedBookingsNotCheckedInAsNoShowsWhenTheSessionEnds()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var absent = pool.Paid("P1", TestPool.Open);
        var present = pool.Paid("P2", TestPool.Open);
        var drawn = pool.Drawn("P3", TestPool.Open);
        pool.CheckIn(present.BookingId, "clerk1", VisitMorning);
        pool.AcknowledgeNotices(pool.State.Outbox.Select(n => n.NoticeId).ToList());
        pool.Advance(TestPool.SessionEnd.AddMinutes(-1));
        pool.AcknowledgeNotices(pool.State.Outbox.Select(n => n.NoticeId).ToList());

        Assert.True(pool.Advance(TestPool.SessionEnd));

        Assert.Equal(BookingStatus.NoShow, absent.Status);
        Assert.Equal(BookingStatus.NoShow, drawn.Status);
        Assert.Equal(BookingStatus.Confirmed, present.Status);
        var noShows = pool.State.Outbox.Where(n => n.Kind == NoticeKind.NoShow).Select(n => n.BookingId).Order().ToList();
        Assert.Equal(new[] { absent.BookingId, drawn.BookingId }.Order().ToList(), noShows);
        Assert.False(pool.Advance(TestPool.SessionEnd.AddHours(1)));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void TheSessionEndIsTheLastDeadline()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Advance(TestPool.VisitReminderAt);

        Assert.Equal(TestPool.SessionEnd, pool.NextDeadline(TestPool.VisitReminderAt));
        pool.Advance(TestPool.SessionEnd);
        Assert.Null(pool.NextDeadline(TestPool.SessionEnd));
    }
}
