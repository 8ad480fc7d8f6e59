using HospitalOrleans.Hosting;
using HospitalOrleans.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace HospitalOrleans.Grains.Tests.Support;

/// <summary>
/// A test cluster on a real store (the embedded SQLite file or PostgreSQL), started and stopped
/// by the test: stopping one and starting another on the same store is a full restart.
/// </summary>
public static class StoredCluster
{
    // Silos of the classic TestCluster run in this process, so the configurator reads this clock.
    private static FakeTimeProvider _clock = new(TestHospital.Start);

    public static async Task<TestCluster> StartAsync(Dictionary<string, string?> storage, FakeTimeProvider clock, int silos = 1, string serviceId = "restart-test")
    {
        _clock = clock;
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(storage));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<FrontClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static Dictionary<string, string?> Sqlite(string directory) => new() { ["Storage:Mode"] = "Embedded", ["Storage:DataDirectory"] = directory };

    public static Dictionary<string, string?> PostgreSql(string connectionString) => new() { ["Storage:Mode"] = "PostgreSql", ["Storage:PostgreSql"] = connectionString };

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddHospitalGrainStorage(HospitalOptions.Storage(silo.Configuration));
            silo.AddHospitalGrains(_clock);
        }
    }
}
