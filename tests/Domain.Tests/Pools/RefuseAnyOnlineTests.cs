using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

/// <summary>
/// The front's early answer for a rush: it must refuse exactly when booking would, never turn away
/// an attempt that could book, and never hide a retried request's booking.
/// </summary>
public sealed class RefuseAnyOnlineTests
{
    [Fact]
    public void SaysNothingWhileAnOnlineNumberIsFree()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        Assert.Null(pool.RefuseAnyOnline("r1", TestPool.Open));
    }

    [Fact]
    public void RefusesSoldOutOnceTheLastOnlineNumberIsTakenAndBookingAgreesWithIt()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        for (var i = 0; i < pool.QuotaOf(Channel.Online); i++) pool.Booked($"P{i}", TestPool.Open);

        var early = pool.RefuseAnyOnline("late", TestPool.Open);
        var booking = pool.BookOnline("PX", "late", null, TestPool.Hold, TestPool.Open);

        Assert.Equal(Rejection.SoldOut, early!.Value.Rejection);
        Assert.Equal(Rejection.SoldOut, booking.Rejection);
        Assert.True(pool.RemainingOf(Channel.Window) > 0); // window numbers do not count
    }

    [Fact]
    public void ARetryOfARequestThatBookedIsNeverTurnedAway()
    {
        var pool = TestPool.Opened(onlinePercent: 25);
        for (var i = 0; i < pool.QuotaOf(Channel.Online); i++) Assert.True(pool.BookOnline($"P{i}", $"r{i}", null, TestPool.Hold, TestPool.Open).Succeeded);

        Assert.Null(pool.RefuseAnyOnline("r0", TestPool.Open));
        Assert.True(pool.BookOnline("P0", "r0", null, TestPool.Hold, TestPool.Open).Succeeded);
    }

    [Fact]
    public void RefusesBeforeTheReleaseAndFromTheOnlineCutoff()
    {
        var pool = TestPool.Opened(onlinePercent: 25);

        Assert.Equal(Rejection.NotReleased, pool.RefuseAnyOnline("r1", TestPool.ReleaseAt.AddTicks(-1))!.Value.Rejection);
        Assert.Null(pool.RefuseAnyOnline("r1", TestPool.OnlineCutoff.AddTicks(-1)));
        Assert.Equal(Rejection.Closed, pool.RefuseAnyOnline("r1", TestPool.OnlineCutoff)!.Value.Rejection);
    }

    [Fact]
    public void AfterARatioCutBelowWhatIsIssuedOnlineIsClosedNotSoldOut()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        for (var i = 0; i < 4; i++) pool.Booked($"P{i}", TestPool.Open);
        pool.ChangeRatio(10, "ops1", "cut", TestPool.Open);

        Assert.Equal(pool.BookOnline("PX", "x", null, TestPool.Hold, TestPool.Open).Rejection, pool.RefuseAnyOnline("x", TestPool.Open)!.Value.Rejection);
        Assert.Equal(Rejection.Closed, pool.RefuseAnyOnline("x", TestPool.Open)!.Value.Rejection);
    }
}
