using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;

namespace HospitalOrleans.Grains.Tests.Support;

/// <summary>
/// One in-process cluster for the grain tests, on storage whose writes can be made to fail and
/// an application clock the tests move. Tests share the cluster, never a pool.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Silos of the classic TestCluster run in this process, so the configurators below reach these.
    public static readonly FakeTimeProvider Time = new(TestHospital.Start);
    public static readonly FlakyGrainStorage Storage = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<DomainCodecClient>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await Grains.GetGrain<IHospitalDirectoryGrain>(0).SeedIfEmptyAsync(TestHospital.Create());
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.ProviderName, (_, _) => Storage);
            silo.AddHospitalGrains(Time);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
