using Microsoft.Data.Sqlite;
using Npgsql;

namespace HospitalOrleans.Storage;

/// <summary>
/// Creates or updates the tables and named queries that Orleans' ADO.NET providers expect. The
/// scripts are embedded in this assembly (Sql/PostgreSql, Sql/Sqlite), idempotent, and applied in
/// file-name order on every start.
/// </summary>
public static class SchemaInstaller
{
    /// <summary>Key of the transaction-level advisory lock that serialises concurrent installs.</summary>
    public const long PostgreSqlLockKey = 0x486F_7370_4F72_6C73; // "HospOrls"

    private const string ResourcePrefix = "HospitalOrleans.Storage.Sql.";

    /// <summary>The embedded PostgreSQL scripts, in the order they are applied.</summary>
    public static IReadOnlyList<string> PostgreSqlScriptNames => ScriptNames("PostgreSql");

    /// <summary>The embedded SQLite scripts, in the order they are applied.</summary>
    public static IReadOnlyList<string> SqliteScriptNames => ScriptNames("Sqlite");

    /// <summary>
    /// Applies the PostgreSQL scripts (main, persistence, clustering, reminders) in one transaction.
    /// A transaction-level advisory lock makes a second process wait instead of failing on a
    /// half-created table; the lock goes with the commit.
    /// </summary>
    public static async Task ApplyPostgreSqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // "relation already exists, skipping" notices on every start are noise.
        await ExecuteAsync(
            connection,
            transaction,
            $"SET LOCAL client_min_messages = warning; SELECT pg_advisory_xact_lock({PostgreSqlLockKey});",
            cancellationToken);
        foreach (var name in PostgreSqlScriptNames)
        {
            await ExecuteAsync(connection, transaction, ReadScript(name), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Applies the SQLite scripts (main, persistence) in one <c>BEGIN IMMEDIATE</c> transaction,
    /// after switching the file to write-ahead logging (the setting is stored in the file).
    /// Creates the file's directory if needed.
    /// </summary>
    public static async Task ApplySqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is not SqliteOpenMode.Memory && !IsInMemory(builder.DataSource))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Another process may hold the write lock; wait for it instead of failing at once.
        await using (var busy = connection.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 30000;";
            await busy.ExecuteNonQueryAsync(cancellationToken);
        }

        // Without WAL every writer blocks every reader and concurrent grain writes serialise badly.
        // journal_mode cannot change inside a transaction, so it comes first.
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteScalarAsync(cancellationToken);
        }

        // IMMEDIATE takes the write lock up front: a second process waits here rather than failing mid-script.
        await using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
        foreach (var name in SqliteScriptNames)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ReadScript(name);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The text of one embedded script, by a name from <see cref="PostgreSqlScriptNames"/> or <see cref="SqliteScriptNames"/>.</summary>
    public static string ReadScript(string name)
    {
        using var stream = typeof(SchemaInstaller).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded SQL script '{name}' was not found in {typeof(SchemaInstaller).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<string> ScriptNames(string dialect)
    {
        var prefix = ResourcePrefix + dialect + ".";
        var names = typeof(SchemaInstaller).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return names.Count > 0
            ? names
            : throw new InvalidOperationException($"No embedded SQL scripts start with '{prefix}'.");
    }

    private static bool IsInMemory(string dataSource) =>
        string.IsNullOrEmpty(dataSource) || dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
