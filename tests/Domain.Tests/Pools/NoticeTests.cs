using HospitalOrleans.Domain.Notices;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

/// <summary>The pool's outbox: which changes a patient is told about, once each.</summary>
public sealed class NoticeTests
{
    [Fact]
    public void OwesNoNoticeForAHoldThatIsStillWaitingForPayment()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Booked("P1", TestPool.Open);

        Assert.Empty(pool.State.Outbox);
    }

    [Fact]
    public void OwesAConfirmationWhenPaymentArrives()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Booked("P1", TestPool.Open);

        pool.ConfirmPayment(booking.BookingId, TestPool.Open.AddMinutes(3));

        var notice = Assert.Single(pool.State.Outbox);
        Assert.Equal(NoticeKind.BookingConfirmed, notice.Kind);
        Assert.Equal("P1", notice.PatientId);
        Assert.Equal($"{booking.BookingId}:cf", notice.NoticeId);
    }

    [Fact]
    public void OwesOneConfirmationEvenWhenPaymentIsReportedTwice()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Booked("P1", TestPool.Open);

        pool.ConfirmPayment(booking.BookingId, TestPool.Open.AddMinutes(3));
        pool.ConfirmPayment(booking.BookingId, TestPool.Open.AddMinutes(4));

        Assert.Single(pool.State.Outbox);
    }

    [Fact]
    public void OwesAReleaseNoticeWhenAnUnpaidHoldExpires()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Booked("P1", TestPool.Open);

        pool.Advance(TestPool.Open + TestPool.Hold);

        var notice = Assert.Single(pool.State.Outbox);
        Assert.Equal(NoticeKind.BookingReleasedUnpaid, notice.Kind);
        Assert.Equal(booking.BookingId, notice.BookingId);
    }

    [Fact]
    public void OwesACancellationNoticeWhenTheBookingIsCancelled()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Paid("P1", TestPool.Open);
        pool.AcknowledgeNotices(pool.State.Outbox.Select(n => n.NoticeId).ToList());

        pool.Cancel(booking.BookingId, "P1", actorIsStaff: false, TestPool.Open.AddHours(1));

        Assert.Equal(NoticeKind.BookingCancelled, Assert.Single(pool.State.Outbox).Kind);
    }

    [Fact]
    public void RemindsEveryConfirmedPatientTheEveningBeforeAndNobodyElse()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var paid = pool.Paid("P1", TestPool.Open);
        pool.Booked("P2", TestPool.OnlineCutoff.AddMinutes(-1)); // expires unpaid
        var drawn = pool.Drawn("P3", TestPool.Open);
        pool.AcknowledgeNotices(pool.State.Outbox.Select(n => n.NoticeId).ToList());

        Assert.False(pool.Advance(TestPool.VisitReminderAt.AddMinutes(-1)) && pool.State.Outbox.Exists(n => n.Kind == NoticeKind.VisitReminder));
        Assert.True(pool.Advance(TestPool.VisitReminderAt));

        var reminded = pool.State.Outbox.Where(n => n.Kind == NoticeKind.VisitReminder).Select(n => n.BookingId).Order().ToList();
        Assert.Equal(new[] { paid.BookingId, drawn.BookingId }.Order().ToList(), reminded);
        Assert.False(pool.Advance(TestPool.VisitReminderAt.AddMinutes(30)));
    }

    [Fact]
    public void SendsNoReminderWhenThePoolFirstWakesAfterTheSessionStarted()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Paid("P1", TestPool.Open);
        pool.AcknowledgeNotices(pool.State.Outbox.Select(n => n.NoticeId).ToList());

        Assert.True(pool.Advance(TestPool.SessionStart));

        Assert.DoesNotContain(pool.State.Outbox, n => n.Kind == NoticeKind.VisitReminder);
        Assert.True(pool.State.VisitRemindersQueued);
    }

    [Fact]
    public void ForgetsOnlyTheNoticesThatWereAcknowledged()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var first = pool.Paid("P1", TestPool.Open);
        var second = pool.Paid("P2", TestPool.Open);

        Assert.True(pool.AcknowledgeNotices([PendingNotice.IdFor(first.BookingId, NoticeKind.BookingConfirmed)]));
        Assert.False(pool.AcknowledgeNotices(["nothing:cf"]));

        Assert.Equal(second.BookingId, Assert.Single(pool.State.Outbox).BookingId);
    }
}
