using System.Data.Common;
using HospitalOrleans.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HospitalOrleans.Storage.Tests;

/// <summary>
/// Runs every named query with exactly the parameters the providers bind, including the rare
/// paths no test cluster reaches (defunct-silo cleanup, lost membership races, delete-on-clear).
/// </summary>
public sealed class PostgreSqlQueryContractTests(PostgreSqlDatabaseFixture databases) : IClassFixture<PostgreSqlDatabaseFixture>
{
    private const string Cluster = "blue";
    private static readonly DateTime StartTime = new(2025, 3, 14, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task MembershipWritesSucceedOnlyAgainstTheTableVersionTheyRead()
    {
        await using var connection = await OpenAsync();

        Assert.Equal(1, Single(await NamedQuery.RunAsync(connection, "InsertMembershipVersionKey", ("DeploymentId", Cluster))));
        Assert.Equal(0, Single(await NamedQuery.RunAsync(connection, "InsertMembershipVersionKey", ("DeploymentId", Cluster))));
        Assert.Equal(1, Single(await InsertSilo(connection, port: 11111, version: 0)));
        Assert.Equal(0, Single(await InsertSilo(connection, port: 11112, version: 0)));
        Assert.Equal(0, Single(await InsertSilo(connection, port: 11111, version: 1)));
        Assert.Equal(1, Single(await UpdateSilo(connection, port: 11111, status: 3, version: 1)));
        Assert.Equal(0, Single(await UpdateSilo(connection, port: 11111, status: 6, version: 1)));
        Assert.Equal(0, Single(await UpdateSilo(connection, port: 9, status: 6, version: 2)));

        var all = await NamedQuery.RunAsync(connection, "MembershipReadAllKey", ("DeploymentId", Cluster));
        var silo = Assert.Single(all);
        Assert.Equal(2, silo["Version"]);
        Assert.Equal(3, silo["Status"]);
        Assert.Equal(StartTime, silo["StartTime"]);
    }

    [Fact]
    public async Task MembershipReadsReturnTheTableVersionEvenWithoutSilos()
    {
        await using var connection = await OpenAsync();
        await NamedQuery.RunAsync(connection, "InsertMembershipVersionKey", ("DeploymentId", "empty"));

        var row = Assert.Single(await NamedQuery.RunAsync(connection, "MembershipReadRowKey",
            ("DeploymentId", "empty"), ("Address", "127.0.0.1"), ("Port", 11111), ("Generation", 1)));

        Assert.Equal(0, row["Version"]);
        Assert.Null(row["StartTime"]);
    }

    [Fact]
    public async Task GatewaysAreTheActiveSilosWithAGatewayPortAndHeartbeatsDoNotChangeTheVersion()
    {
        await using var connection = await OpenAsync();
        await NamedQuery.RunAsync(connection, "InsertMembershipVersionKey", ("DeploymentId", "green"));
        await InsertSilo(connection, port: 11111, version: 0, cluster: "green");
        await UpdateSilo(connection, port: 11111, status: 3, version: 1, cluster: "green");

        await NamedQuery.RunAsync(connection, "UpdateIAmAlivetimeKey",
            ("DeploymentId", "green"), ("Address", "127.0.0.1"), ("Port", 11111), ("Generation", 1),
            ("IAmAliveTime", StartTime.AddMinutes(5)));
        var gateways = await NamedQuery.RunAsync(connection, "GatewaysQueryKey", ("DeploymentId", "green"), ("Status", 3));

        var gateway = Assert.Single(gateways);
        Assert.Equal(30000, gateway["ProxyPort"]);
        var row = Assert.Single(await NamedQuery.RunAsync(connection, "MembershipReadAllKey", ("DeploymentId", "green")));
        Assert.Equal(2, row["Version"]);
        Assert.Equal(StartTime.AddMinutes(5), row["IAmAliveTime"]);
    }

    [Fact]
    public async Task OnlyDeadSilosAreCleanedUp()
    {
        await using var connection = await OpenAsync();
        await NamedQuery.RunAsync(connection, "InsertMembershipVersionKey", ("DeploymentId", "red"));
        await InsertSilo(connection, port: 1, version: 0, cluster: "red");
        await InsertSilo(connection, port: 2, version: 1, cluster: "red");
        await InsertSilo(connection, port: 3, version: 2, cluster: "red");
        await UpdateSilo(connection, port: 1, status: 6, version: 3, cluster: "red");
        await UpdateSilo(connection, port: 2, status: 6, version: 4, cluster: "red");
        var later = StartTime.AddDays(1);

        await NamedQuery.RunAsync(connection, "CleanupDefunctSiloEntryKey",
            ("DeploymentId", "red"), ("Address", "127.0.0.1"), ("Port", 1), ("Generation", 1),
            ("SuspectTimes", null), ("StartTime", StartTime), ("IAmAliveTime", StartTime));
        Assert.Equal(2, (await NamedQuery.RunAsync(connection, "MembershipReadAllKey", ("DeploymentId", "red"))).Count);
        await NamedQuery.RunAsync(connection, "CleanupDefunctSiloEntriesKey", ("DeploymentId", "red"), ("IAmAliveTime", later));

        var survivor = Assert.Single(await NamedQuery.RunAsync(connection, "MembershipReadAllKey", ("DeploymentId", "red")));
        Assert.Equal(3, survivor["Port"]);
        await NamedQuery.RunAsync(connection, "DeleteMembershipTableEntriesKey", ("DeploymentId", "red"));
        Assert.Empty(await NamedQuery.RunAsync(connection, "MembershipReadAllKey", ("DeploymentId", "red")));
    }

    [Fact]
    public async Task RemindersUpsertReadByRangeAndDeleteOnlyAtTheirVersion()
    {
        await using var connection = await OpenAsync();
        (string, object?)[] reminder(int hash, string name) =>
        [
            ("ServiceId", "svc"), ("GrainHash", hash), ("GrainId", "probe/" + name), ("ReminderName", name),
            ("StartTime", StartTime), ("Period", 60_000),
        ];

        Assert.Equal(0, Single(await NamedQuery.RunAsync(connection, "UpsertReminderRowKey", reminder(-100, "a"))));
        Assert.Equal(1, Single(await NamedQuery.RunAsync(connection, "UpsertReminderRowKey", reminder(-100, "a"))));
        await NamedQuery.RunAsync(connection, "UpsertReminderRowKey", reminder(500, "b"));

        var inRange = await NamedQuery.RunAsync(connection, "ReadRangeRows1Key", ("ServiceId", "svc"), ("BeginHash", -200), ("EndHash", 0));
        var wrapped = await NamedQuery.RunAsync(connection, "ReadRangeRows2Key", ("ServiceId", "svc"), ("BeginHash", 400), ("EndHash", -200));
        Assert.Equal("a", Assert.Single(inRange)["ReminderName"]);
        Assert.Equal("b", Assert.Single(wrapped)["ReminderName"]);
        Assert.Equal(60_000L, Assert.Single(await NamedQuery.RunAsync(connection, "ReadReminderRowKey",
            ("ServiceId", "svc"), ("GrainId", "probe/a"), ("ReminderName", "a")))["Period"]);
        Assert.Single(await NamedQuery.RunAsync(connection, "ReadReminderRowsKey", ("ServiceId", "svc"), ("GrainId", "probe/b")));

        Assert.Equal(0, Single(await NamedQuery.RunAsync(connection, "DeleteReminderRowKey",
            ("ServiceId", "svc"), ("GrainId", "probe/a"), ("ReminderName", "a"), ("Version", 0))));
        Assert.Equal(1, Single(await NamedQuery.RunAsync(connection, "DeleteReminderRowKey",
            ("ServiceId", "svc"), ("GrainId", "probe/a"), ("ReminderName", "a"), ("Version", 1))));
        await NamedQuery.RunAsync(connection, "DeleteReminderRowsKey", ("ServiceId", "svc"));
        Assert.Empty(await NamedQuery.RunAsync(connection, "ReadRangeRows2Key", ("ServiceId", "svc"), ("BeginHash", 0), ("EndHash", 0)));
    }

    [Fact]
    public async Task DeleteOnClearRemovesTheRowOnlyAtItsVersion()
    {
        await using var connection = await OpenAsync();
        await StorageQueryContract.DeleteOnClearRemovesTheRowOnlyAtItsVersionAsync(connection);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connectionString = await databases.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(connectionString, CancellationToken.None);
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static Task<List<Dictionary<string, object?>>> InsertSilo(DbConnection connection, int port, int version, string cluster = Cluster) =>
        NamedQuery.RunAsync(connection, "InsertMembershipKey",
            ("DeploymentId", cluster), ("IAmAliveTime", StartTime), ("SiloName", "silo-" + port), ("HostName", "localhost"),
            ("Address", "127.0.0.1"), ("Port", port), ("Generation", 1), ("StartTime", StartTime),
            ("Status", 1), ("ProxyPort", 30000), ("Version", version));

    private static Task<List<Dictionary<string, object?>>> UpdateSilo(DbConnection connection, int port, int status, int version, string cluster = Cluster) =>
        NamedQuery.RunAsync(connection, "UpdateMembershipKey",
            ("DeploymentId", cluster), ("Address", "127.0.0.1"), ("Port", port), ("Generation", 1),
            ("IAmAliveTime", StartTime), ("Status", status), ("SuspectTimes", null), ("Version", version));

    private static int Single(List<Dictionary<string, object?>> rows) =>
        Convert.ToInt32(Assert.Single(Assert.Single(rows).Values));
}

public sealed class SqliteQueryContractTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public async Task DeleteOnClearRemovesTheRowOnlyAtItsVersion()
    {
        var connectionString = new HospitalStorageOptions { DataDirectory = _directory.Path }.GetSqliteConnectionString();
        await SchemaInstaller.ApplySqliteAsync(connectionString, CancellationToken.None);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        await StorageQueryContract.DeleteOnClearRemovesTheRowOnlyAtItsVersionAsync(connection);
    }

    public void Dispose() => _directory.Dispose();
}

internal static class StorageQueryContract
{
    public static async Task DeleteOnClearRemovesTheRowOnlyAtItsVersionAsync(DbConnection connection)
    {
        (string, object?)[] key =
        [
            ("GrainIdHash", 17), ("GrainIdN0", 0L), ("GrainIdN1", 42L), ("GrainTypeHash", 99),
            ("GrainTypeString", "visit-log"), ("GrainIdExtensionString", null), ("ServiceId", "svc"),
        ];
        (string, object?)[] with(params (string, object?)[] more) => [.. key, .. more];

        var written = await NamedQuery.RunAsync(connection, "WriteToStorageKey", with(("GrainStateVersion", null), ("PayloadBinary", new byte[] { 1 })));
        Assert.Equal(1, Convert.ToInt32(Assert.Single(written)["NewGrainStateVersion"]));

        Assert.Empty(await NamedQuery.RunAsync(connection, "DeleteStorageKey", with(("GrainStateVersion", 7))));
        var deleted = await NamedQuery.RunAsync(connection, "DeleteStorageKey", with(("GrainStateVersion", 1)));

        Assert.NotEqual("1", Assert.Single(deleted).Values.Single()?.ToString());
        Assert.Empty(await NamedQuery.RunAsync(connection, "ReadFromStorageKey", key));
    }
}
