using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.Grains.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.Grains.Tests.Patients;

/// <summary>New outpatient numbers are never handed out twice: not under concurrency, not across restarts, not with several silos.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OutpatientNumberTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ConcurrentCallersNeverGetTheSameNumber()
    {
        var allocator = cluster.Grains.GetGrain<IOutpatientNumberAllocatorGrain>(0);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 350).Select(_ => allocator.AllocateAsync()));

        Assert.Equal(numbers.Length, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches("^8[0-9]{9}$", n));
    }

    [Fact]
    public async Task NumbersStayUniqueAcrossRestartsOfATwoSiloClusterOnPostgreSql()
    {
        var (name, connectionString) = await TestPostgreSql.CreateDatabaseAsync();
        try
        {
            var seen = new List<string>();
            for (var run = 0; run < 3; run++)
            {
                await using var twoSilos = await StoredCluster.StartAsync(StoredCluster.PostgreSql(connectionString), new FakeTimeProvider(TestHospital.Start), silos: 2, serviceId: "allocator-test");
                var allocator = twoSilos.GrainFactory.GetGrain<IOutpatientNumberAllocatorGrain>(0);
                seen.AddRange(await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => allocator.AllocateAsync())));
                await twoSilos.StopAllSilosAsync();
            }

            Assert.Equal(450, seen.Count);
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
        finally
        {
            await TestPostgreSql.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task NumbersStayUniqueAcrossRestartsOnTheEmbeddedStore()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hospital-allocator-" + Guid.NewGuid().ToString("N"));
        try
        {
            var seen = new List<string>();
            for (var run = 0; run < 2; run++)
            {
                await using var cluster1 = await StoredCluster.StartAsync(StoredCluster.Sqlite(directory), new FakeTimeProvider(TestHospital.Start), serviceId: "allocator-sqlite");
                var allocator = cluster1.GrainFactory.GetGrain<IOutpatientNumberAllocatorGrain>(0);
                for (var i = 0; i < 30; i++) seen.Add(await allocator.AllocateAsync());
                await cluster1.StopAllSilosAsync();
            }

            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
