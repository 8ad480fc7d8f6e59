using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

/// <summary><see cref="PoolInvariants"/> is what the load driver trusts, so it must see real damage.</summary>
public sealed class PoolAuditTests
{
    private static NumberPool Busy()
    {
        var pool = TestPool.Opened(onlinePercent: 50);
        pool.Paid("P1", TestPool.Open);
        pool.Booked("P2", TestPool.Open);
        pool.Cancelled(pool.Drawn("P3", TestPool.Open), TestPool.Open);
        pool.Drawn("P4", TestPool.Open);
        return pool;
    }

    [Fact]
    public void FindsNothingWrongWithASoundPool() => Assert.Empty(PoolInvariants.Check(Busy().State));

    [Fact]
    public void ReportsASerialIssuedTwice()
    {
        var pool = Busy();
        var cancelled = pool.State.Bookings.Single(b => b.Status == BookingStatus.Cancelled);
        var slot = pool.SlotOf(cancelled.Serial);
        slot.Void = false;
        slot.BookingId = "D007-20261203-AM-999";

        Assert.NotEmpty(PoolInvariants.Check(pool.State));
    }

    [Fact]
    public void ReportsAPatientHoldingTwoNumbers()
    {
        var pool = Busy();
        pool.State.Bookings.Single(b => b.PatientId == "P4").PatientId = "P1";

        Assert.Contains(PoolInvariants.Check(pool.State), p => p.Contains("live numbers", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAFreeOnlineNumberWhileOnlineIsOverItsTarget()
    {
        var pool = Busy();
        pool.State.OnlineTarget = 1;

        Assert.Contains(PoolInvariants.Check(pool.State), p => p.Contains("over its target", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsALostNumber()
    {
        var pool = Busy();
        pool.NewestSlot().Void = true;

        Assert.NotEmpty(PoolInvariants.Check(pool.State));
    }
}
