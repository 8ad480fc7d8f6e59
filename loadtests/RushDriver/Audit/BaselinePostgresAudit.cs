using Npgsql;

namespace HospitalOrleans.RushDriver.Audit;

/// <summary>
/// The pg-lock and pg-atomic baselines' tables (loadtests/Baselines/Engines/Postgres.cs): <c>pool</c>
/// with its quotas and <c>booking</c>. The schema is the connection string's search path when it
/// names one; otherwise every schema holding both tables is read.
/// </summary>
public sealed class BaselinePostgresAudit(string connectionString) : IStoreAudit
{
    public string Source => "store:postgres";

    public async Task<StoreReading> ReadAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var named = builder.SearchPath;
        builder.SearchPath = null;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var schemas = string.IsNullOrEmpty(named) ? await SchemasAsync(connection, cancellationToken) : named.Split(',', StringSplitOptions.TrimEntries);
        if (schemas.Count == 0) throw new InvalidOperationException($"No schema with tables pool and booking in database {builder.Database}.");
        var pools = new List<AuditedPool>();
        var findings = new List<string>();
        foreach (var schema in schemas) pools.AddRange(await ReadSchemaAsync(connection, schema, findings, cancellationToken));
        return new StoreReading(pools, findings);
    }

    private static async Task<IReadOnlyList<string>> SchemasAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT table_schema FROM information_schema.tables WHERE table_name IN ('pool', 'booking')
            GROUP BY table_schema HAVING count(DISTINCT table_name) = 2 ORDER BY table_schema
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var schemas = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) schemas.Add(reader.GetString(0));
        return schemas;
    }

    private static async Task<IReadOnlyList<AuditedPool>> ReadSchemaAsync(NpgsqlConnection connection, string schema, List<string> findings, CancellationToken cancellationToken)
    {
        var bookings = new Dictionary<string, List<AuditedBooking>>(StringComparer.Ordinal);
        var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(schema);
        await using (var command = new NpgsqlCommand($"SELECT pool_id, booking_id, serial, patient_id, channel, status, live FROM {quoted}.booking", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var status = reader.GetString(5);
                var list = bookings.TryGetValue(reader.GetString(0), out var l) ? l : bookings[reader.GetString(0)] = [];
                list.Add(new AuditedBooking(reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(6),
                    reader.GetBoolean(6) || PoolChecks.HoldsNumber(status)));
            }
        }
        var pools = new List<AuditedPool>();
        await using (var command = new NpgsqlCommand($"SELECT pool_id, online_quota, window_quota, online_issued, window_issued FROM {quoted}.pool", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var pool = new AuditedPool(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), bookings.GetValueOrDefault(reader.GetString(0)) ?? []);
                pools.Add(pool);
                // The engines count what they issue next to the rows; the counts must match the rows.
                foreach (var (channel, counted) in new[] { ("online", reader.GetInt32(3)), ("window", reader.GetInt32(4)) })
                {
                    var held = pool.Bookings.Count(b => b.HoldsNumber && b.Channel == channel);
                    if (held != counted) findings.Add($"{schema}.pool {pool.PoolId}: {channel}_issued = {counted} but {held} {channel} bookings hold numbers");
                }
            }
        }
        return pools;
    }
}
