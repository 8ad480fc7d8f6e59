using Npgsql;
using static HospitalOrleans.Baselines.Engines.Postgres;

namespace HospitalOrleans.Baselines.Engines;

/// <summary>
/// One atomic conditional statement per booking. The pool row keeps its free serials of each channel
/// as a sorted array; a booking pops the first one and counts it in the same UPDATE, and the INSERT
/// of the booking runs in the same statement. The unique keys of <c>booking</c> decide races the
/// statement's snapshot cannot see: a violation fails the whole statement, so nothing was counted.
/// </summary>
public sealed class PgAtomicEngine(BaselineOptions options, ILogger<PgAtomicEngine> logger) : IBookingEngine, IAsyncDisposable
{
    private const string Schema = "rush_atomic";

    private const string Tables = """
        CREATE TABLE pool (
            pool_id            text PRIMARY KEY,
            doctor_id          text NOT NULL,
            department_id      text NOT NULL,
            day                date NOT NULL,
            session            text NOT NULL,
            total              int  NOT NULL,
            online_percent     int  NOT NULL,
            online_target      int  NOT NULL,
            online_quota       int  NOT NULL,
            window_quota       int  NOT NULL,
            online_issued      int  NOT NULL DEFAULT 0,
            window_issued      int  NOT NULL DEFAULT 0,
            online_free        int[] NOT NULL,
            window_free        int[] NOT NULL,
            last_online_serial int,
            last_window_serial int,
            CHECK (online_quota + window_quota = total),
            CHECK (online_issued + cardinality(online_free) = online_quota),
            CHECK (window_issued + cardinality(window_free) = window_quota)
        ) WITH (fillfactor = 50);
        -- At most 500 numbers a pool: keep the arrays inline and uncompressed, rewritten on every booking.
        ALTER TABLE pool ALTER COLUMN online_free SET STORAGE PLAIN, ALTER COLUMN window_free SET STORAGE PLAIN;
        """;

    private const string PatientUnique = "booking_patient_live";
    private const string RequestUnique = "booking_request_unique";

    private readonly NpgsqlDataSource _source = DataSource(options.Postgres!, Schema);
    private readonly string _bookOnline = BookSql("online");
    private readonly string _bookWindow = BookSql("window");

    public string Name => Engine.PgAtomic;

    public string Durable { get; private set; } = "a 201 is a committed PostgreSQL statement (autocommit, synchronous_commit on: its WAL record is flushed to disk before it returns)";

    public string Store => Describe(options.Postgres!, Schema);

    public async Task ResetAsync(RushDay day, CancellationToken cancellationToken)
    {
        await EnsureDatabaseAsync(options.Postgres!, cancellationToken);
        await RecreateSchemaAsync(_source, Schema, BookingTable + Tables, cancellationToken);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using (var pools = await connection.BeginBinaryImportAsync(
            "COPY pool (pool_id, doctor_id, department_id, day, session, total, online_percent, online_target, online_quota, window_quota, online_free, window_free) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var pool in day.Pools)
            {
                var online = pool.OnlineSerials().ToArray();
                var window = pool.WindowSerials().ToArray();
                await pools.WriteRowAsync(cancellationToken, pool.PoolId, pool.DoctorId, pool.DepartmentId, pool.Date, pool.Session,
                    pool.Total, pool.OnlinePercent, PoolRules.TargetFor(pool.Total, pool.OnlinePercent), online.Length, window.Length, online, window);
            }
            await pools.CompleteAsync(cancellationToken);
        }
        await AnalyzeAsync(_source, cancellationToken);
        if (await DurabilityShortfallAsync(_source, cancellationToken) is { } shortfall)
        {
            Durable = $"LESS durable than the baseline should be: this server runs {shortfall}, so a committed booking may be lost on a crash";
            logger.LogWarning("PostgreSQL runs {Settings}: committed bookings are not flushed to disk at COMMIT", shortfall);
        }
    }

    public async Task<BookingResult> BookAsync(BookingRequest request)
    {
        var candidate = request.Issued(serial: 0);
        await using var command = _source.CreateCommand(request.Channel == Channel.Online ? _bookOnline : _bookWindow);
        foreach (var value in new object?[] { request.PoolId, request.PatientId, request.RequestId, candidate.Status, candidate.CreatedAt.UtcDateTime, candidate.PayBy?.UtcDateTime })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            if (!reader.IsDBNull(0)) return BookingResult.Ok(request.Issued(reader.GetInt32(0)));
            if (!reader.IsDBNull(1)) return BookingResult.Replay(request, ReadBooking(reader, first: 1));
            if (!reader.GetBoolean(11)) return BookingResult.Refused(BookingOutcome.UnknownPool);
            var noNumber = BookingResult.NoNumber(request.Channel, onlineOverTarget: reader.GetBoolean(12));
            if (reader.GetBoolean(13)) return noNumber;
            // Numbers were left in the snapshot: the patient's booking stopped it, or the last numbers went meanwhile.
            return reader.GetBoolean(10) ? BookingResult.Refused(BookingOutcome.AlreadyBooked) : noNumber;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == PatientUnique)
        {
            return BookingResult.Refused(BookingOutcome.AlreadyBooked);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == RequestUnique)
        {
            // The same request id committed between our snapshot and our insert: answer as a replay would.
            var earlier = await FindByRequestAsync(request.PoolId, request.RequestId)
                ?? throw new InvalidOperationException($"Request id {request.RequestId} collided in pool {request.PoolId} but no booking holds it.");
            return BookingResult.Replay(request, earlier);
        }
    }

    public async Task<PoolCounts?> ChangeRatioAsync(RushPool pool, int percent, string by, string reason)
    {
        await using var connection = await _source.OpenConnectionAsync();
        var committed = false;
        try
        {
            PoolCounts? counts;
            int[] freeOnline, freeWindow;
            await using (var read = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command("BEGIN"),
                    Command($"SELECT {CountColumns}, online_free, window_free FROM pool WHERE pool_id = $1 FOR UPDATE", pool.PoolId),
                },
            })
            await using (var reader = await read.ExecuteReaderAsync())
            {
                if (!await reader.ReadAsync()) return null;
                counts = ReadCounts(reader);
                freeOnline = reader.GetFieldValue<int[]>(8);
                freeWindow = reader.GetFieldValue<int[]>(9);
            }

            var plan = PoolRules.PlanRatio(counts.Total, counts.OnlineQuota, freeOnline, freeWindow, percent);
            var online = freeOnline.Except(plan.ToWindow).Concat(plan.ToOnline).Order().ToArray();
            var window = freeWindow.Except(plan.ToOnline).Concat(plan.ToWindow).Order().ToArray();
            var changed = counts with
            {
                OnlinePercent = plan.Percent,
                OnlineTarget = plan.Target,
                OnlineQuota = plan.OnlineQuota,
                WindowQuota = counts.Total - plan.OnlineQuota,
            };
            await using var write = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command("""
                        UPDATE pool SET online_percent = $2, online_target = $3, online_quota = $4, window_quota = $5,
                                        online_free = $6, window_free = $7
                        WHERE pool_id = $1
                        """,
                        pool.PoolId, changed.OnlinePercent, changed.OnlineTarget, changed.OnlineQuota, changed.WindowQuota, online, window),
                    Command("COMMIT"),
                },
            };
            await write.ExecuteNonQueryAsync();
            committed = true;
            return changed;
        }
        finally
        {
            if (!committed) await RollbackAsync(connection);
        }
    }

    public Task<PoolCounts?> GetPoolAsync(string poolId) => ReadPoolAsync(_source, poolId);

    public Task<IReadOnlyList<PoolCounts>> GetPoolsAsync(IReadOnlyList<string> poolIds) => ReadPoolsAsync(_source, poolIds);

    public Task<IReadOnlyList<StoredBooking>?> GetBookingsAsync(string poolId) => ReadBookingsAsync(_source, poolId);

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<StoredBooking?> FindByRequestAsync(string poolId, string requestId)
    {
        await using var command = _source.CreateCommand($"SELECT {BookingColumns} FROM booking WHERE pool_id = $1 AND request_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadBooking(reader) : null;
    }

    /// <summary>
    /// One statement: $1 pool, $2 patient, $3 request id, $4 status, $5 created, $6 pay by. The UPDATE
    /// takes the pool row's lock and re-reads the row when a concurrent booking committed first, so the
    /// popped serial and the quota test are always current. The final row says what happened: the
    /// serial booked, else the earlier booking of this request id, whether the patient already holds
    /// one, whether the pool exists, whether online is over its share, and whether the channel had no
    /// number left (refusals say sold out before already booked, as the platform).
    /// </summary>
    private static string BookSql(string channel) => $"""
        WITH earlier AS (
            SELECT {BookingColumns} FROM booking WHERE pool_id = $1 AND request_id = $3
        ), holds AS (
            SELECT 1 FROM booking WHERE pool_id = $1 AND patient_id = $2 AND live
        ), issued AS (
            UPDATE pool
            SET last_{channel}_serial = {channel}_free[1],
                {channel}_free = {channel}_free[2:],
                {channel}_issued = {channel}_issued + 1
            WHERE pool_id = $1
              AND {channel}_issued < {channel}_quota
              AND cardinality({channel}_free) > 0
              AND NOT EXISTS (SELECT 1 FROM earlier)
              AND NOT EXISTS (SELECT 1 FROM holds)
            RETURNING last_{channel}_serial AS serial
        ), booked AS (
            INSERT INTO booking ({BookingColumns}, live)
            SELECT $1 || '-' || lpad(serial::text, greatest(3, length(serial::text)), '0'), $1, serial, $2, $3, '{channel}', $4::text, $5::timestamptz, $6::timestamptz, true
            FROM issued
            RETURNING serial
        )
        SELECT (SELECT serial FROM booked),
               e.booking_id, e.pool_id, e.serial, e.patient_id, e.request_id, e.channel, e.status, e.created_at, e.pay_by,
               EXISTS (SELECT 1 FROM holds),
               p.pool_id IS NOT NULL,
               coalesce(p.online_quota > p.online_target, false),
               coalesce(p.{channel}_issued >= p.{channel}_quota, false)
        FROM (SELECT 1) AS one
        LEFT JOIN earlier e ON true
        LEFT JOIN pool p ON p.pool_id = $1
        """;
}
