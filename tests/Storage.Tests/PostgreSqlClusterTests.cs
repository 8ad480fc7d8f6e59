using HospitalOrleans.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace HospitalOrleans.Storage.Tests;

/// <summary>
/// Two silos and a client configured only through the project's public API and the Storage
/// configuration section, with membership, reminders and grain state in PostgreSQL.
/// </summary>
public sealed class PostgreSqlClusterFixture : IAsyncLifetime
{
    private readonly PostgreSqlDatabaseFixture _databases = new();
    private TestCluster? _cluster;

    public string ConnectionString { get; private set; } = "";

    public string ClusterId { get; private set; } = "";

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async Task InitializeAsync()
    {
        await _databases.InitializeAsync();
        ConnectionString = await _databases.CreateDatabaseAsync();

        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        ClusterId = builder.Options.ClusterId;
        builder.Properties["Storage:Mode"] = nameof(StorageMode.PostgreSql);
        builder.Properties["Storage:PostgreSql"] = ConnectionString;
        builder.Properties["Storage:ServiceId"] = builder.Options.ServiceId;
        builder.Properties["Storage:ClusterId"] = builder.Options.ClusterId;
        builder.AddSiloBuilderConfigurator<HospitalSiloConfigurator>();
        builder.AddClientBuilderConfigurator<HospitalClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        await _databases.DisposeAsync();
    }

    private sealed class HospitalSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddHospitalStorage(HospitalStorageOptions.FromConfiguration(siloBuilder.Configuration));
    }

    private sealed class HospitalClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddHospitalClustering(HospitalStorageOptions.FromConfiguration(configuration));
    }
}

public sealed class PostgreSqlClusterTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    private const int Active = (int)SiloStatus.Active;

    [Fact]
    public async Task TwoSilosJoinThroughThePostgreSqlMembershipTable()
    {
        var hosts = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(2, hosts.Count);
        Assert.Equal(2, await TestPostgreSql.CountAsync(
            fixture.ConnectionString,
            "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status = @active",
            ("cluster", fixture.ClusterId), ("active", Active)));
    }

    [Fact]
    public async Task ReminderRegisteredByAGrainIsStoredInPostgreSqlUntilUnregistered()
    {
        var key = "probe-" + Guid.NewGuid().ToString("N");
        var grain = fixture.Cluster.Client.GetGrain<IReminderProbeGrain>(key);

        await grain.RegisterAsync("release-slots");

        Assert.True(await grain.HasReminderAsync("release-slots"));
        Assert.Equal(1, await CountRemindersAsync(key));
        await grain.UnregisterAsync("release-slots");
        Assert.Equal(0, await CountRemindersAsync(key));
    }

    [Fact]
    public async Task GrainStateOnTheClusterIsStoredInPostgreSql()
    {
        var key = "ward-" + Guid.NewGuid().ToString("N");

        await fixture.Cluster.Client.GetGrain<IVisitLogGrain>(key).RecordAsync("ana", VisitKind.FirstVisit, new DateOnly(2025, 3, 14));

        Assert.Equal(1, await TestPostgreSql.CountAsync(
            fixture.ConnectionString,
            "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'visit-log' AND GrainIdExtensionString = @key AND Version = 1",
            ("key", key)));
    }

    private Task<long> CountRemindersAsync(string key) =>
        TestPostgreSql.CountAsync(
            fixture.ConnectionString,
            "SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE @grain AND ReminderName = 'release-slots'",
            ("grain", "%/" + key));
}
