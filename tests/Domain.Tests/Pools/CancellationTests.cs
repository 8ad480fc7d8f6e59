using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

public sealed class CancellationTests
{
    private static readonly DateTimeOffset Later = TestPool.Open.AddHours(1);

    [Fact]
    public void ReturnsACancelledOnlineNumberToOnlineUnderANewSerial()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var booking = pool.Paid("P1", TestPool.Open);

        var decision = pool.Cancel(booking.BookingId, "P1", actorIsStaff: false, Later);

        Assert.True(decision.Succeeded);
        Assert.True(decision.Changed);
        Assert.True(pool.SlotOf(4).Void);
        Assert.Null(pool.SlotOf(4).BookingId);
        var returned = pool.NewestSlot();
        Assert.Equal(13, returned.Serial);
        Assert.Equal(Channel.Online, returned.Channel);
        Assert.True(returned.IsFree);
        Assert.Equal(3, pool.RemainingOf(Channel.Online));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void ReturnsACancelledWindowNumberToTheWindow()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var booking = pool.Drawn("P1", TestPool.Open);

        pool.Cancelled(booking, Later);

        Assert.Equal(Channel.Window, pool.NewestSlot().Channel);
        Assert.Equal(9, pool.RemainingOf(Channel.Window));
        Assert.Equal(3, pool.RemainingOf(Channel.Online));
    }

    [Fact]
    public void KeepsTheReturnedNumberInItsPeriod()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Paid("P1", TestPool.Open, TestPool.ThirdPeriod);

        pool.Cancelled(booking, Later);

        Assert.Equal(2, pool.NewestSlot().PeriodIndex);
        Assert.Equal(2, pool.State.Slots.Count(s => s.IsFree && s.PeriodIndex == 2 && s.Channel == Channel.Online));
    }

    [Fact]
    public void NeverReissuesACancelledSerial()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        var issued = new List<int>();

        for (var round = 0; round < 20; round++)
        {
            var booking = pool.Booked($"P{round}", TestPool.Open, TestPool.FirstPeriod);
            issued.Add(booking.Serial);
            pool.Cancelled(booking, TestPool.Open);
        }

        Assert.Equal(issued.Count, issued.Distinct().Count());
        Assert.Equal([4, .. Enumerable.Range(13, 19)], issued);
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void ReturnsNumbersCancelledAfterTheOnlineCutoffToTheWindow()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Paid("P1", TestPool.Open);

        pool.Cancelled(booking, TestPool.OnlineCutoff.AddHours(1));

        Assert.Equal(Channel.Window, pool.NewestSlot().Channel);
        Assert.Equal(5, pool.QuotaOf(Channel.Online));
        PoolAssert.InvariantsHold(pool);
    }

    [Fact]
    public void ReturnsNumbersCancelledAfterTheCutoffWasAppliedToTheWindow()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Paid("P1", TestPool.Open);
        pool.Advance(TestPool.OnlineCutoff);

        pool.Cancelled(booking, TestPool.OnlineCutoff.AddHours(1));

        Assert.Equal(Channel.Window, pool.NewestSlot().Channel);
        Assert.Equal(0, pool.QuotaOf(Channel.Online));
        Assert.Equal(12, pool.RemainingOf(Channel.Window));
    }

    [Fact]
    public void RecordsWhoCancelledAndWhen()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Drawn("P1", TestPool.Open);

        pool.Cancelled(booking, Later, actor: "clerk:7");

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal(Later, booking.EndedAt);
        Assert.Equal("clerk:7", booking.EndedBy);
        Assert.Equal(pool.State.Sequence, booking.EndSequence);
        Assert.False(booking.IsLive);
    }

    [Fact]
    public void RefusesCancellationByAnotherPatient()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Booked("P1", TestPool.Open);

        var decision = pool.Cancel(booking.BookingId, "P2", actorIsStaff: false, Later);

        Assert.Equal(Rejection.NotOwner, decision.Rejection);
        Assert.True(booking.IsLive);
        Assert.Equal(12, pool.State.Slots.Count);
    }

    [Fact]
    public void LetsStaffCancelAnyPatientsBookingUntilTheSessionEnds()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Drawn("P1", TestPool.Open);

        Assert.True(pool.Cancel(booking.BookingId, "clerk:7", actorIsStaff: true, TestPool.SessionEnd.AddTicks(-1)).Succeeded);
    }

    [Fact]
    public void RefusesAPatientsCancellationOnceTheSessionHasStarted()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Paid("P1", TestPool.Open);

        var decision = pool.Cancel(booking.BookingId, "P1", actorIsStaff: false, TestPool.SessionStart);

        Assert.Equal(Rejection.Closed, decision.Rejection);
        Assert.True(booking.IsLive);
        Assert.True(pool.Cancel(booking.BookingId, "P1", actorIsStaff: false, TestPool.SessionStart.AddTicks(-1)).Succeeded);
    }

    [Fact]
    public void RefusesEveryCancellationOnceTheSessionHasEnded()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Drawn("P1", TestPool.Open);

        Assert.Equal(Rejection.Closed, pool.Cancel(booking.BookingId, "clerk:7", actorIsStaff: true, TestPool.SessionEnd).Rejection);
        Assert.True(booking.IsLive);
    }

    [Fact]
    public void RefusesCancellingANumberTwice()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        var booking = pool.Drawn("P1", TestPool.Open);
        pool.Cancelled(booking, Later);

        var again = pool.Cancel(booking.BookingId, "clerk:7", actorIsStaff: true, Later);

        Assert.Equal(Rejection.NotLive, again.Rejection);
        Assert.False(again.Changed);
        Assert.Equal(13, pool.State.Slots.Count);
    }

    [Fact]
    public void RefusesAnUnknownBooking() =>
        Assert.Equal(Rejection.UnknownBooking, TestPool.Opened(onlinePercent: 50).Cancel("D007-20261203-AM-001", "clerk:7", true, Later).Rejection);
}
