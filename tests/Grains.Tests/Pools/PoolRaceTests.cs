using System.Collections.Concurrent;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Tests.Support;

namespace HospitalOrleans.Grains.Tests.Pools;

[Collection(ClusterCollection.Name)]
public sealed class PoolRaceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ThousandsOfConcurrentBookingsDrawsAndRatioChangesKeepEveryInvariant()
    {
        var pools = new[] { TestHospital.Pool("D001"), TestHospital.Pool("D002"), TestHospital.Pool("D004") };
        var random = new Random(20261202);
        var acknowledged = new ConcurrentBag<BookingView>();
        var answers = new ConcurrentDictionary<string, BookingView>();
        var outcomes = new ConcurrentDictionary<PoolOutcome, int>();
        var retriesThatTookMore = new ConcurrentBag<string>();

        var work = new List<Task>();
        for (var i = 0; i < 3000; i++)
        {
            var pool = pools[random.Next(pools.Length)];
            // 800 patients for 260 numbers: many collide on the same pool, some retry their request.
            var patient = $"P{random.Next(800)}";
            var request = $"{pool}-{patient}-{random.Next(2)}";
            var kind = random.Next(100);
            var grain = fixture.Grains.GetGrain<INumberPoolGrain>(pool);
            work.Add(kind switch
            {
                < 60 => Record("o" + request, grain.BookOnlineAsync(new BookOnline(patient, "o" + request, null))),
                < 90 => Record("w" + request, grain.DrawWindowAsync(new DrawWindow(patient, "w" + request, "clerk1"))),
                < 95 => grain.ChangeRatioAsync(new ChangeRatio(random.Next(0, 101), "ops1", "rush rebalancing")),
                _ => CancelSomething(grain),
            });
        }
        await Task.WhenAll(work);

        Assert.True(outcomes.GetValueOrDefault(PoolOutcome.Ok) > 100, "the race should book plenty");
        Assert.True(outcomes.GetValueOrDefault(PoolOutcome.SoldOut) + outcomes.GetValueOrDefault(PoolOutcome.Closed) > 0, "the race should exhaust some channel");
        Assert.DoesNotContain(PoolOutcome.Unavailable, outcomes.Keys);
        Assert.Empty(retriesThatTookMore);

        foreach (var pool in pools)
        {
            var grain = fixture.Grains.GetGrain<INumberPoolGrain>(pool);
            await grain.SweepAsync(); // waits for any write still in flight
            var durable = ClusterFixture.Storage.DurablePool(grain.GetGrainId())!;
            Assert.Empty(PoolInvariants.Check(durable));
            var live = await grain.GetStateAsync();
            Assert.Equal(durable.Sequence, live!.Sequence);
        }

        // Every booking a caller was told about is in durable storage with the same number and patient.
        foreach (var booking in acknowledged)
        {
            var grain = fixture.Grains.GetGrain<INumberPoolGrain>(booking.PoolId);
            var durable = ClusterFixture.Storage.DurablePool(grain.GetGrainId())!;
            var stored = durable.Bookings.Single(b => b.BookingId == booking.BookingId);
            Assert.Equal(booking.PatientId, stored.PatientId);
            Assert.Equal(booking.Serial, stored.Serial);
        }

        async Task Record(string requestId, Task<BookingResult> call)
        {
            var result = await call;
            outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
            if (result.Booking is { } booking)
            {
                acknowledged.Add(booking);
                // A retried request id always gets the same booking back.
                var first = answers.GetOrAdd(requestId, booking);
                if (first.BookingId != booking.BookingId) retriesThatTookMore.Add(requestId);
            }
        }

        async Task CancelSomething(INumberPoolGrain grain)
        {
            var bookings = await grain.GetBookingsAsync();
            var victim = bookings.FirstOrDefault(b => b.Status is "held" or "confirmed");
            if (victim is not null) await grain.CancelAsync(new CancelBooking(victim.BookingId, "clerk1", ActorIsStaff: true));
        }
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneRequestTakeOneNumber()
    {
        var grain = fixture.Grains.GetGrain<INumberPoolGrain>(TestHospital.Pool("D100"));
        var command = new BookOnline("P1", "same-request", null);
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.BookOnlineAsync(command)));

        Assert.All(results, r => Assert.Equal(PoolOutcome.Ok, r.Outcome));
        Assert.Single(results.Select(r => r.Booking!.BookingId).Distinct());
        var state = await grain.GetStateAsync();
        Assert.Single(state!.Bookings);
    }

    [Fact]
    public async Task OnePatientRacingManyRequestsHoldsOneNumber()
    {
        var grain = fixture.Grains.GetGrain<INumberPoolGrain>(TestHospital.Pool("D101"));
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? grain.BookOnlineAsync(new BookOnline("P7", $"online-{i}", null))
            : grain.DrawWindowAsync(new DrawWindow("P7", $"window-{i}", "clerk1"))));

        Assert.Single(results, r => r.Outcome == PoolOutcome.Ok);
        Assert.All(results.Where(r => r.Outcome != PoolOutcome.Ok), r => Assert.Equal(PoolOutcome.AlreadyBooked, r.Outcome));
    }
}
