using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Tests.Support;

namespace HospitalOrleans.Grains.Tests.Pools;

[Collection(ClusterCollection.Name)]
public sealed class HoldDeadlineTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AnUnpaidHoldIsReleasedAtItsDeadlineAndTheNumberGoesBackOnline()
    {
        var grain = fixture.Grains.GetGrain<INumberPoolGrain>(TestHospital.Pool("D120"));
        var booked = await grain.BookOnlineAsync(new BookOnline("P1", "hold-1", null));
        Assert.Equal("held", booked.Booking!.Status);
        var onlineBefore = (await grain.GetAsync())!.OnlineRemaining;

        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(16));
        var booking = await grain.GetBookingAsync(booked.Booking.BookingId);
        Assert.Equal("expired", booking!.Status);
        var pool = (await grain.GetAsync())!;
        Assert.Equal(onlineBefore + 1, pool.OnlineRemaining);
        await grain.SweepAsync();
        var durable = ClusterFixture.Storage.DurablePool(grain.GetGrainId())!;
        Assert.Equal(BookingStatus.Expired, durable.Bookings.Single().Status);
        Assert.Empty(PoolInvariants.Check(durable));
    }

    [Fact]
    public async Task APaidBookingIsNotReleasedAtTheDeadline()
    {
        var grain = fixture.Grains.GetGrain<INumberPoolGrain>(TestHospital.Pool("D121"));
        var booked = await grain.BookOnlineAsync(new BookOnline("P1", "hold-2", null));
        var paid = await grain.ConfirmPaymentAsync(booked.Booking!.BookingId);
        Assert.Equal("confirmed", paid.Booking!.Status);

        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(16));
        await grain.SweepAsync();
        Assert.Equal("confirmed", (await grain.GetBookingAsync(booked.Booking.BookingId))!.Status);
    }
}
