using Orleans.TestingHost;

namespace HospitalOrleans.Storage.Tests.Support;

/// <summary>
/// One store (a SQLite file or a fresh PostgreSQL database) and a running one-silo test cluster
/// with the "hospital" grain storage provider on it. More clusters on the same store can be started.
/// </summary>
public abstract class StoreFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public HospitalStorageOptions Options { get; private set; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async Task InitializeAsync()
    {
        Options = await CreateStoreAsync();
        _cluster = await StartClusterAsync("fixture-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Starts a one-silo cluster on this store. Only grain storage comes from the project; membership is TestingHost's.</summary>
    public async Task<InProcessTestCluster> StartClusterAsync(string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        var options = Options;
        builder.ConfigureSilo((_, silo) => silo.AddHospitalGrainStorage(options));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        await DeleteStoreAsync();
    }

    protected abstract Task<HospitalStorageOptions> CreateStoreAsync();

    protected abstract Task DeleteStoreAsync();
}

public sealed class SqliteStoreFixture : StoreFixture
{
    private readonly TemporaryDirectory _directory = new();

    protected override Task<HospitalStorageOptions> CreateStoreAsync() =>
        Task.FromResult(new HospitalStorageOptions { Mode = StorageMode.Embedded, DataDirectory = _directory.Path });

    protected override Task DeleteStoreAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlStoreFixture : StoreFixture
{
    private readonly PostgreSqlDatabaseFixture _databases = new();

    protected override async Task<HospitalStorageOptions> CreateStoreAsync()
    {
        await _databases.InitializeAsync();
        return new HospitalStorageOptions { Mode = StorageMode.PostgreSql, PostgreSql = await _databases.CreateDatabaseAsync() };
    }

    protected override Task DeleteStoreAsync() => _databases.DisposeAsync();
}
