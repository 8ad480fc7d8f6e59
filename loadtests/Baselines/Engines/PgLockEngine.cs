using Npgsql;
using NpgsqlTypes;
using static HospitalOrleans.Baselines.Engines.Postgres;

namespace HospitalOrleans.Baselines.Engines;

/// <summary>
/// The usual HIS implementation: a number table (<c>slot</c>) and, per booking, one transaction that
/// locks the pool row (<c>SELECT … FOR UPDATE</c>), checks, takes the lowest free serial, updates the
/// pool's counts and inserts the booking. Every writer of a pool queues on that row lock. Written as
/// tightly as such code gets: the lock and every check in one round trip, the writes and COMMIT in a second.
/// </summary>
public sealed class PgLockEngine(BaselineOptions options, ILogger<PgLockEngine> logger) : IBookingEngine, IAsyncDisposable
{
    private const string Schema = "rush_lock";

    private const string Tables = """
        CREATE TABLE pool (
            pool_id        text PRIMARY KEY,
            doctor_id      text NOT NULL,
            department_id  text NOT NULL,
            day            date NOT NULL,
            session        text NOT NULL,
            total          int  NOT NULL,
            online_percent int  NOT NULL,
            online_target  int  NOT NULL,
            online_quota   int  NOT NULL,
            window_quota   int  NOT NULL,
            online_issued  int  NOT NULL DEFAULT 0,
            window_issued  int  NOT NULL DEFAULT 0,
            CHECK (online_quota + window_quota = total),
            CHECK (online_issued BETWEEN 0 AND online_quota),
            CHECK (window_issued BETWEEN 0 AND window_quota)
        ) WITH (fillfactor = 50);
        CREATE TABLE slot (
            pool_id    text NOT NULL,
            serial     int  NOT NULL,
            channel    text NOT NULL CHECK (channel IN ('online', 'window')),
            booking_id text,
            PRIMARY KEY (pool_id, serial)
        );
        CREATE INDEX slot_free ON slot (pool_id, channel, serial) WHERE booking_id IS NULL;
        """;

    private readonly NpgsqlDataSource _source = DataSource(options.Postgres!, Schema);

    public string Name => Engine.PgLock;

    public string Durable { get; private set; } = "a 201 is a committed PostgreSQL transaction (synchronous_commit on: its WAL record is flushed to disk before COMMIT returns)";

    public string Store => Describe(options.Postgres!, Schema);

    public async Task ResetAsync(RushDay day, CancellationToken cancellationToken)
    {
        await EnsureDatabaseAsync(options.Postgres!, cancellationToken);
        await RecreateSchemaAsync(_source, Schema, BookingTable + Tables, cancellationToken);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using (var pools = await connection.BeginBinaryImportAsync(
            "COPY pool (pool_id, doctor_id, department_id, day, session, total, online_percent, online_target, online_quota, window_quota) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var pool in day.Pools)
            {
                var online = pool.OnlineSerials().Count;
                await pools.WriteRowAsync(cancellationToken, pool.PoolId, pool.DoctorId, pool.DepartmentId, pool.Date, pool.Session,
                    pool.Total, pool.OnlinePercent, PoolRules.TargetFor(pool.Total, pool.OnlinePercent), online, pool.Total - online);
            }
            await pools.CompleteAsync(cancellationToken);
        }
        await using (var slots = await connection.BeginBinaryImportAsync("COPY slot (pool_id, serial, channel) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var pool in day.Pools)
            {
                var online = pool.OnlineSerials().ToHashSet();
                for (var serial = 1; serial <= pool.Total; serial++)
                    await slots.WriteRowAsync(cancellationToken, pool.PoolId, serial, online.Contains(serial) ? "online" : "window");
            }
            await slots.CompleteAsync(cancellationToken);
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
        var channel = ChannelName(request.Channel);
        await using var connection = await _source.OpenConnectionAsync();
        var committed = false;
        try
        {
            PoolCounts? pool;
            StoredBooking? earlier;
            bool patientHolds;
            int? serial;
            await using (var read = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command("BEGIN"),
                    Command($"SELECT {CountColumns} FROM pool WHERE pool_id = $1 FOR UPDATE", request.PoolId),
                    Command($"SELECT {BookingColumns} FROM booking WHERE pool_id = $1 AND request_id = $2", request.PoolId, request.RequestId),
                    Command("SELECT EXISTS (SELECT 1 FROM booking WHERE pool_id = $1 AND patient_id = $2 AND live)", request.PoolId, request.PatientId),
                    Command("SELECT serial FROM slot WHERE pool_id = $1 AND channel = $2 AND booking_id IS NULL ORDER BY serial LIMIT 1", request.PoolId, channel),
                },
            })
            await using (var reader = await read.ExecuteReaderAsync())
            {
                pool = await reader.ReadAsync() ? ReadCounts(reader) : null;
                await reader.NextResultAsync();
                earlier = await reader.ReadAsync() ? ReadBooking(reader) : null;
                await reader.NextResultAsync();
                patientHolds = await reader.ReadAsync() && reader.GetBoolean(0);
                await reader.NextResultAsync();
                serial = await reader.ReadAsync() ? reader.GetInt32(0) : null;
            }

            if (pool is null) return BookingResult.Refused(BookingOutcome.UnknownPool);
            if (earlier is not null) return BookingResult.Replay(request, earlier);
            if (serial is null || pool.Issued(request.Channel) >= pool.Quota(request.Channel))
                return BookingResult.NoNumber(request.Channel, pool.OnlineOverTarget);
            if (patientHolds) return BookingResult.Refused(BookingOutcome.AlreadyBooked);

            var booking = request.Issued(serial.Value);
            await using var write = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command("UPDATE slot SET booking_id = $3 WHERE pool_id = $1 AND serial = $2", request.PoolId, booking.Serial, booking.BookingId),
                    Command($"UPDATE pool SET {channel}_issued = {channel}_issued + 1 WHERE pool_id = $1", request.PoolId),
                    Command($"INSERT INTO booking ({BookingColumns}, live) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true)",
                        booking.BookingId, booking.PoolId, booking.Serial, booking.PatientId, booking.RequestId, channel, booking.Status,
                        booking.CreatedAt.UtcDateTime, booking.PayBy?.UtcDateTime),
                    Command("COMMIT"),
                },
            };
            await write.ExecuteNonQueryAsync();
            committed = true;
            return BookingResult.Ok(booking);
        }
        finally
        {
            if (!committed) await RollbackAsync(connection);
        }
    }

    public async Task<PoolCounts?> ChangeRatioAsync(RushPool pool, int percent, string by, string reason)
    {
        await using var connection = await _source.OpenConnectionAsync();
        var committed = false;
        try
        {
            PoolCounts? counts;
            var freeOnline = new List<int>();
            var freeWindow = new List<int>();
            await using (var read = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command("BEGIN"),
                    Command($"SELECT {CountColumns} FROM pool WHERE pool_id = $1 FOR UPDATE", pool.PoolId),
                    Command("SELECT serial, channel FROM slot WHERE pool_id = $1 AND booking_id IS NULL ORDER BY serial", pool.PoolId),
                },
            })
            await using (var reader = await read.ExecuteReaderAsync())
            {
                counts = await reader.ReadAsync() ? ReadCounts(reader) : null;
                await reader.NextResultAsync();
                while (await reader.ReadAsync())
                    (reader.GetString(1) == "online" ? freeOnline : freeWindow).Add(reader.GetInt32(0));
            }
            if (counts is null) return null;

            var plan = PoolRules.PlanRatio(counts.Total, counts.OnlineQuota, freeOnline, freeWindow, percent);
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
                    Command("UPDATE slot SET channel = 'online' WHERE pool_id = $1 AND serial = ANY($2)", pool.PoolId, plan.ToOnline.ToArray()),
                    Command("UPDATE slot SET channel = 'window' WHERE pool_id = $1 AND serial = ANY($2)", pool.PoolId, plan.ToWindow.ToArray()),
                    Command("UPDATE pool SET online_percent = $2, online_target = $3, online_quota = $4, window_quota = $5 WHERE pool_id = $1",
                        pool.PoolId, changed.OnlinePercent, changed.OnlineTarget, changed.OnlineQuota, changed.WindowQuota),
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
}
