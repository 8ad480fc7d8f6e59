using HospitalOrleans.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HospitalOrleans.Storage.Tests;

public sealed class PostgreSqlSchemaTests(PostgreSqlDatabaseFixture databases) : IClassFixture<PostgreSqlDatabaseFixture>
{
    // Every key the 10.4.2 providers read: persistence, clustering (all nine are required,
    // CleanupDefunctSiloEntryKey is optional) and reminders.
    private static readonly string[] ExpectedQueryKeys =
    [
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task SchemaCanBeAppliedTwiceToTheSameDatabase()
    {
        var connectionString = await databases.CreateDatabaseAsync();

        await SchemaInstaller.ApplyPostgreSqlAsync(connectionString, CancellationToken.None);
        await SchemaInstaller.ApplyPostgreSqlAsync(connectionString, CancellationToken.None);

        Assert.Equal(ExpectedQueryKeys.Order(), await QueryKeysAsync(connectionString));
    }

    [Fact]
    public async Task SchemaCanBeAppliedByTwoProcessesStartingAtTheSameTime()
    {
        var connectionString = await databases.CreateDatabaseAsync();

        await Task.WhenAll(
            Task.Run(() => SchemaInstaller.ApplyPostgreSqlAsync(connectionString, CancellationToken.None)),
            Task.Run(() => SchemaInstaller.ApplyPostgreSqlAsync(connectionString, CancellationToken.None)),
            Task.Run(() => SchemaInstaller.ApplyPostgreSqlAsync(connectionString, CancellationToken.None)));

        Assert.Equal(ExpectedQueryKeys.Order(), await QueryKeysAsync(connectionString));
    }

    [Fact]
    public void ScriptsAreAppliedInFileNameOrder()
    {
        Assert.Equal(
            ["01-Main.sql", "02-Persistence.sql", "03-Clustering.sql", "04-Reminders.sql"],
            SchemaInstaller.PostgreSqlScriptNames.Select(name => name["HospitalOrleans.Storage.Sql.PostgreSql.".Length..]));
    }

    private static async Task<List<string>> QueryKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }
}

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public async Task SchemaCanBeAppliedTwiceToTheSameFile()
    {
        var connectionString = Options().GetSqliteConnectionString();

        await SchemaInstaller.ApplySqliteAsync(connectionString, CancellationToken.None);
        await SchemaInstaller.ApplySqliteAsync(connectionString, CancellationToken.None);

        Assert.Equal(
            ["ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey"],
            await ScalarsAsync<string>(connectionString, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey"));
    }

    [Fact]
    public async Task SchemaLeavesTheFileInWriteAheadLoggingMode()
    {
        var connectionString = Options().GetSqliteConnectionString();

        await SchemaInstaller.ApplySqliteAsync(connectionString, CancellationToken.None);

        // A fresh connection: journal_mode=WAL is a property of the file, not of the connection.
        SqliteConnection.ClearAllPools();
        Assert.Equal(["wal"], await ScalarsAsync<string>(connectionString, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task SchemaCreatesTheDatabaseDirectoryWhenItIsMissing()
    {
        var options = new HospitalStorageOptions { DataDirectory = Path.Combine(_directory.Path, "nested", "data") };

        await SchemaInstaller.ApplySqliteAsync(options.GetSqliteConnectionString(), CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(options.DataDirectory, HospitalStorage.SqliteFileName)));
    }

    public void Dispose() => _directory.Dispose();

    private HospitalStorageOptions Options() => new() { DataDirectory = _directory.Path };

    private static async Task<List<T>> ScalarsAsync<T>(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
