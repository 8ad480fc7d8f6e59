using System.Data;
using System.Text.RegularExpressions;
using Npgsql;

namespace HospitalOrleans.Baselines.Engines;

/// <summary>What both PostgreSQL engines share: their database, their own schema, reading bookings back.</summary>
public static partial class Postgres
{
    /// <summary>Columns of <c>booking</c> in the order <see cref="ReadBooking"/> reads them.</summary>
    public const string BookingColumns = "booking_id, pool_id, serial, patient_id, request_id, channel, status, created_at, pay_by";

    /// <summary>
    /// The booking table is the same in both engines, so the audit reads either the same way. The
    /// unique keys are the invariants themselves: a serial once, a request id once, one live booking
    /// per patient and pool.
    /// </summary>
    public const string BookingTable = """
        CREATE TABLE booking (
            booking_id  text PRIMARY KEY,
            pool_id     text NOT NULL,
            serial      int  NOT NULL,
            patient_id  text NOT NULL,
            request_id  text NOT NULL,
            channel     text NOT NULL CHECK (channel IN ('online', 'window')),
            status      text NOT NULL,
            live        boolean NOT NULL,
            created_at  timestamptz NOT NULL,
            pay_by      timestamptz,
            CONSTRAINT booking_serial_unique UNIQUE (pool_id, serial),
            CONSTRAINT booking_request_unique UNIQUE (pool_id, request_id)
        );
        CREATE UNIQUE INDEX booking_patient_live ON booking (pool_id, patient_id) WHERE live;
        """;

    /// <summary>A data source whose connections see only <paramref name="schema"/>.</summary>
    /// <summary>
    /// With the Npgsql settings the platform uses on PostgreSQL (statements prepared automatically,
    /// no reset on close; src/Storage/HospitalStorageOptions.cs), so that only the engine differs.
    /// </summary>
    public static NpgsqlDataSource DataSource(string connectionString, string schema) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            SearchPath = schema,
            MaxAutoPrepare = 20,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        }.ConnectionString);

    public static string Describe(string connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}, schema {schema}, pool of {builder.MaxPoolSize} connections";
    }

    /// <summary>Creates the database when missing (the private server of scripts/postgres.sh starts with none).</summary>
    public static async Task EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database ?? throw new InvalidOperationException("The connection string names no database.");
        if (!DatabaseName().IsMatch(database))
            throw new InvalidOperationException($"Database name '{database}' must be lower-case letters, digits and '_'.");
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another baseline host created it at the same moment.
        }
    }

    /// <summary>Drops the engine's schema with everything in it and runs <paramref name="ddl"/> in a new one.</summary>
    public static async Task RecreateSchemaAsync(NpgsqlDataSource source, string schema, string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; SET search_path TO {schema}; {ddl}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// What the server does at COMMIT: null when a committed transaction is on disk (synchronous_commit
    /// and fsync on), else the settings that make it less durable, to be said in the report.
    /// </summary>
    public static async Task<string?> DurabilityShortfallAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand("SELECT current_setting('synchronous_commit'), current_setting('fsync')");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (synchronousCommit, fsync) = (reader.GetString(0), reader.GetString(1));
        return synchronousCommit is "on" or "remote_write" or "remote_apply" or "local" && fsync == "on"
            ? null
            : $"synchronous_commit {synchronousCommit}, fsync {fsync}";
    }

    public static async Task AnalyzeAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        // Fresh tables have no statistics: without them the planner may scan instead of using the keys.
        await using var command = source.CreateCommand("ANALYZE");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static StoredBooking ReadBooking(NpgsqlDataReader reader, int first = 0) => new(
        reader.GetString(first),
        reader.GetString(first + 1),
        reader.GetInt32(first + 2),
        reader.GetString(first + 3),
        reader.GetString(first + 4),
        reader.GetString(first + 5) == "online" ? Channel.Online : Channel.Window,
        reader.GetString(first + 6),
        new DateTimeOffset(reader.GetDateTime(first + 7)),
        reader.IsDBNull(first + 8) ? null : new DateTimeOffset(reader.GetDateTime(first + 8)));

    public static async Task<IReadOnlyList<StoredBooking>?> ReadBookingsAsync(NpgsqlDataSource source, string poolId)
    {
        await using var batch = source.CreateBatch();
        batch.BatchCommands.Add(Command("SELECT 1 FROM pool WHERE pool_id = $1", poolId));
        batch.BatchCommands.Add(Command($"SELECT {BookingColumns} FROM booking WHERE pool_id = $1 ORDER BY serial", poolId));
        await using var reader = await batch.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        await reader.NextResultAsync();
        var bookings = new List<StoredBooking>();
        while (await reader.ReadAsync()) bookings.Add(ReadBooking(reader));
        return bookings;
    }

    /// <summary>Columns of <c>pool</c>, common to both engines, in the order <see cref="ReadCounts"/> reads them.</summary>
    public const string CountColumns = "pool_id, total, online_percent, online_target, online_quota, window_quota, online_issued, window_issued";

    public static PoolCounts ReadCounts(NpgsqlDataReader reader, int first = 0) => new(
        reader.GetString(first),
        reader.GetInt32(first + 1),
        reader.GetInt32(first + 2),
        reader.GetInt32(first + 3),
        reader.GetInt32(first + 4),
        reader.GetInt32(first + 5),
        reader.GetInt32(first + 6),
        reader.GetInt32(first + 7));

    /// <summary>The availability read: the committed counts, no lock taken.</summary>
    public static async Task<PoolCounts?> ReadPoolAsync(NpgsqlDataSource source, string poolId)
    {
        await using var command = source.CreateCommand($"SELECT {CountColumns} FROM pool WHERE pool_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadCounts(reader) : null;
    }

    public static async Task<IReadOnlyList<PoolCounts>> ReadPoolsAsync(NpgsqlDataSource source, IReadOnlyList<string> poolIds)
    {
        await using var command = source.CreateCommand($"SELECT {CountColumns} FROM pool WHERE pool_id = ANY($1) ORDER BY pool_id");
        command.Parameters.Add(new NpgsqlParameter { Value = poolIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var pools = new List<PoolCounts>(poolIds.Count);
        while (await reader.ReadAsync()) pools.Add(ReadCounts(reader));
        return pools;
    }

    /// <summary>Ends the transaction at once so the pool row is unlocked before the connection goes back to the pool.</summary>
    public static async Task RollbackAsync(NpgsqlConnection connection)
    {
        if (connection.State != ConnectionState.Open) return;
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // A broken connection: the server ends the transaction when the session goes.
        }
    }

    public static string ChannelName(Channel channel) => channel == Channel.Online ? "online" : "window";

    public static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
