using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Tests.Support;

namespace HospitalOrleans.Grains.Tests.Pools;

[Collection(ClusterCollection.Name)]
public sealed class GroupCommitFailureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AFailedWriteAcknowledgesNothingAndLosesNothingAcknowledgedBefore()
    {
        var grain = fixture.Grains.GetGrain<INumberPoolGrain>(TestHospital.Pool("D110"));
        var before = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => grain.BookOnlineAsync(new BookOnline($"A{i}", $"before-{i}", null))));
        Assert.All(before, r => Assert.Equal(PoolOutcome.Ok, r.Outcome));

        ClusterFixture.Storage.FailWrites = true;
        BookingResult[] during;
        try
        {
            during = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.DrawWindowAsync(new DrawWindow($"B{i}", $"during-{i}", "clerk1"))));
        }
        finally
        {
            ClusterFixture.Storage.FailWrites = false;
        }

        Assert.All(during, r => Assert.Equal(PoolOutcome.Unavailable, r.Outcome));
        var durable = ClusterFixture.Storage.DurablePool(grain.GetGrainId())!;
        Assert.Equal(before.Select(r => r.Booking!.BookingId).Order(), durable.Bookings.Select(b => b.BookingId).Order());

        // The pool reloads its durable state: the same requests now book, each once, on fresh serials.
        var retried = await RetryUntilAvailable(() => Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.DrawWindowAsync(new DrawWindow($"B{i}", $"during-{i}", "clerk1")))));
        Assert.All(retried, r => Assert.Equal(PoolOutcome.Ok, r.Outcome));
        var state = (await grain.GetStateAsync())!;
        Assert.Equal(25, state.Bookings.Count);
        Assert.Empty(PoolInvariants.Check(state));
        foreach (var earlier in before)
            Assert.Contains(state.Bookings, b => b.BookingId == earlier.Booking!.BookingId && b.PatientId == earlier.Booking.PatientId);
    }

    private static async Task<BookingResult[]> RetryUntilAvailable(Func<Task<BookingResult[]>> attempt)
    {
        // The faulted activation refuses work until it is collected; callers retry with the same request id.
        for (var i = 0; ; i++)
        {
            var results = await attempt();
            if (results.All(r => r.Outcome != PoolOutcome.Unavailable) || i == 200) return results;
            await Task.Delay(50);
        }
    }
}
