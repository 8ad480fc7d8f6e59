using System.Collections.Concurrent;
using HospitalOrleans.Domain.Operations;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Operations;
using HospitalOrleans.Grains.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace HospitalOrleans.Grains.Tests.Cluster;

/// <summary>
/// Three silos on PostgreSQL; clerks draw window numbers in twelve pools while the silo holding
/// the most of them is killed (no goodbye, as with kill -9). Callers use the web front's client
/// (rejected calls sent again for a bounded time) and retry what still failed with the same
/// request id. Afterwards, on a fresh cluster over the same database: every number a caller was
/// given is there, with its serial and patient; no request got two numbers; no quota is exceeded.
/// The operations board shows which silos still run.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloLossTests
{
    private const int DrawsPerPool = 20; // window share of a 30-number pool is below that: some sell out

    [Fact]
    public async Task ASiloKilledDuringTheRushLosesNoNumberGivenAndGivesNoRequestTwoNumbers()
    {
        var (database, connectionString) = await TestPostgreSql.CreateDatabaseAsync();
        var storage = StoredCluster.PostgreSql(connectionString);
        var pools = Enumerable.Range(100, 12).Select(i => TestHospital.Pool($"D{i}")).ToArray();
        var given = new ConcurrentDictionary<string, BookingView>();
        try
        {
            await using (var cluster = await StoredCluster.StartAsync(storage, new FakeTimeProvider(TestHospital.Start), silos: 3, serviceId: "silo-loss-test"))
            {
                await cluster.GrainFactory.GetGrain<IHospitalDirectoryGrain>(0).SeedIfEmptyAsync(TestHospital.Create());
                await Task.WhenAll(pools.Select(p => cluster.GrainFactory.Pool(p).GetAsync()));
                var victim = await BusiestSecondarySiloAsync(cluster);

                var random = new Random(20261127);
                var requests = pools.SelectMany(pool => Enumerable.Range(0, DrawsPerPool).Select(i => (Pool: pool, Patient: $"P{i}", RequestId: $"{pool}-w{i}")))
                    .OrderBy(_ => random.Next()).ToArray();
                var unanswered = new ConcurrentBag<(string Pool, string Patient, string RequestId)>();
                var draws = requests.Select(async (request, index) =>
                {
                    await Task.Delay(index * 4); // spread over about a second, so the kill lands mid-rush
                    await DrawAsync(cluster, request, given, unanswered);
                }).ToList();
                var rejectedBefore = FrontClient.Rejections;
                await Task.Delay(400);
                await cluster.KillSiloAsync(victim);
                await Task.WhenAll(draws);
                Assert.True(FrontClient.Rejections > rejectedBefore || !unanswered.IsEmpty, "The kill should have reached some callers.");

                // What failed even after the front's retries is asked again, as a patient would, with the same request id.
                foreach (var request in unanswered)
                    for (var attempt = 0; attempt < 60 && !await DrawAsync(cluster, request, given, null); attempt++)
                        await Task.Delay(500);
                Assert.Equal(requests.Length, given.Count + await CountRefusedAsync(cluster, requests, given));

                // The operations board: neither the killed silo nor one stopped on purpose counts as running.
                // (An in-process "kill" still writes its own death to the membership table, so here it
                // reads as stopped; a real kill -9 reads as lost, as scripts/cluster.sh shows.)
                var calm = cluster.SecondarySilos.First(s => !s.SiloAddress.Equals(victim.SiloAddress));
                await cluster.StopSiloAsync(calm);
                var board = await ClusterStatusReader.ReadAsync(cluster.GrainFactory, DateTimeOffset.UtcNow);
                Assert.Equal(3, board.Silos.Count);
                Assert.Contains(StateOf(board, victim), new[] { MachineState.Down, MachineState.Stopped });
                Assert.Equal(MachineState.Stopped, StateOf(board, calm));
                Assert.Equal(MachineState.Up, StateOf(board, cluster.Primary!));
                Assert.False(board.AllUp);
                await cluster.StopAllSilosAsync();
            }

            await using var afterwards = await StoredCluster.StartAsync(storage, new FakeTimeProvider(TestHospital.Start), serviceId: "silo-loss-test");
            foreach (var pool in pools)
            {
                var state = (await afterwards.GrainFactory.Pool(pool).GetStateAsync())!;
                Assert.Empty(PoolInvariants.Check(state));
                Assert.All(state.Bookings.GroupBy(b => b.RequestId), sameRequest => Assert.Single(sameRequest));
                foreach (var booking in given.Values.Where(b => b.PoolId == pool))
                    Assert.Contains(state.Bookings, b => b.BookingId == booking.BookingId && b.Serial == booking.Serial && b.PatientId == booking.PatientId);
            }
            await afterwards.StopAllSilosAsync();
        }
        finally
        {
            await TestPostgreSql.DropDatabaseAsync(database);
        }
    }

    /// <summary>True when the request got a definite answer (a number, or a refusal such as sold out).</summary>
    private static async Task<bool> DrawAsync(TestCluster cluster, (string Pool, string Patient, string RequestId) request,
        ConcurrentDictionary<string, BookingView> given, ConcurrentBag<(string, string, string)>? unanswered)
    {
        BookingResult result;
        try
        {
            result = await cluster.GrainFactory.Pool(request.Pool).DrawWindowAsync(new DrawWindow(request.Patient, request.RequestId, "clerk1"));
        }
        catch (Exception)
        {
            unanswered?.Add(request);
            return false;
        }
        if (result.Outcome == PoolOutcome.Unavailable)
        {
            unanswered?.Add(request);
            return false;
        }
        if (result.Booking is { } booking)
        {
            var first = given.GetOrAdd(request.RequestId, booking);
            Assert.Equal(first.BookingId, booking.BookingId); // the same request never gets a second number
        }
        return true;
    }

    private static async Task<int> CountRefusedAsync(TestCluster cluster, (string Pool, string Patient, string RequestId)[] requests, ConcurrentDictionary<string, BookingView> given)
    {
        var refused = 0;
        foreach (var pool in requests.Select(r => r.Pool).Distinct())
        {
            var bookings = await cluster.GrainFactory.Pool(pool).GetBookingsAsync();
            refused += requests.Count(r => r.Pool == pool && !given.ContainsKey(r.RequestId) && bookings.All(b => b.PatientId != r.Patient));
        }
        return refused;
    }

    private static MachineState StateOf(ClusterStatus board, SiloHandle silo) =>
        Assert.Single(board.Silos, s => s.Address == silo.SiloAddress.Endpoint.ToString()).State;

    /// <summary>The secondary silo (the primary holds the test cluster's membership) that hosts the most pools.</summary>
    private static async Task<SiloHandle> BusiestSecondarySiloAsync(TestCluster cluster)
    {
        var statistics = await cluster.GrainFactory.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var pools = statistics.Where(s => s.GrainType.Contains("NumberPool", StringComparison.OrdinalIgnoreCase)).ToList();
        var victim = cluster.SecondarySilos.MaxBy(silo => pools.Count(p => p.SiloAddress.Equals(silo.SiloAddress)))!;
        Assert.True(pools.Count(p => p.SiloAddress.Equals(victim.SiloAddress)) > 0, "The killed silo should hold some pools.");
        return victim;
    }
}
