using System.Globalization;
using StackExchange.Redis;

namespace HospitalOrleans.Baselines.Engines;

/// <summary>
/// Redis with one Lua script per booking: the script checks the request id, the patient and the quota,
/// pops the lowest free serial of the channel and writes the booking, atomically (Redis runs one script
/// at a time). Every key of a pool carries the pool id as hash tag, so a script touches one slot of a
/// cluster. Durability is Redis's: the append-only file fsynced once a second.
/// </summary>
public sealed class RedisEngine(BaselineOptions options, ILogger<RedisEngine> logger) : IBookingEngine, IAsyncDisposable
{
    private const string KeyPrefix = "rush:";

    private const string BookScript = """
        -- KEYS: 1 pool hash, 2 free serials of the channel (sorted set), 3 patient -> live booking id,
        --       4 request id -> booking id, 5 booking id -> booking
        -- ARGV: 1 channel, 2 patient, 3 request id, 4 pool id, 5 status, 6 created (unix ms), 7 pay by (unix ms or '')
        local earlier = redis.call('HGET', KEYS[4], ARGV[3])
        if earlier then return {'replay', earlier, redis.call('HGET', KEYS[5], earlier)} end
        local counts = redis.call('HMGET', KEYS[1], ARGV[1] .. 'Quota', ARGV[1] .. 'Issued', 'onlineQuota', 'onlineTarget')
        if not counts[1] then return {'unknown-pool'} end
        local overTarget = tostring(tonumber(counts[3]) > tonumber(counts[4]))
        if tonumber(counts[2]) >= tonumber(counts[1]) then return {'no-number', overTarget} end
        if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 1 then return {'already-booked'} end
        -- Every check is done: from here on nothing can fail half-way (a script error does not undo writes).
        local popped = redis.call('ZPOPMIN', KEYS[2])
        if #popped == 0 then return redis.error_reply('pool ' .. ARGV[4] .. ' counts a free ' .. ARGV[1] .. ' number but has none') end
        local serial = tonumber(popped[1])
        local id = ARGV[4] .. '-' .. string.format('%03d', serial)
        local booking = table.concat({serial, ARGV[2], ARGV[3], ARGV[1], ARGV[5], ARGV[6], ARGV[7]}, '|')
        redis.call('HINCRBY', KEYS[1], ARGV[1] .. 'Issued', 1)
        redis.call('HSET', KEYS[3], ARGV[2], id)
        redis.call('HSET', KEYS[4], ARGV[3], id)
        redis.call('HSET', KEYS[5], id, booking)
        return {'ok', id, booking}
        """;

    private const string RatioScript = """
        -- KEYS: 1 pool hash, 2 free online serials, 3 free window serials. ARGV: 1 percent.
        -- The platform's rule (src/Domain/Pools/NumberPool.cs ChangeRatio), as PoolRules.PlanRatio says it.
        local c = redis.call('HMGET', KEYS[1], 'total', 'onlineQuota')
        if not c[1] then return false end
        local total, onlineQuota, percent = tonumber(c[1]), tonumber(c[2]), tonumber(ARGV[1])
        local target = math.floor((total * percent + 50) / 100)
        local function move(from, to, count)
            local free = redis.call('ZRANGE', from, 0, -1)
            local take = math.min(count, #free)
            for j = 0, take - 1 do
                local serial = free[math.floor((j + 0.5) * #free / take) + 1]
                redis.call('ZREM', from, serial)
                redis.call('ZADD', to, serial, serial)
            end
            return take
        end
        local difference = target - onlineQuota
        if difference > 0 then onlineQuota = onlineQuota + move(KEYS[3], KEYS[2], difference)
        elseif difference < 0 then onlineQuota = onlineQuota - move(KEYS[2], KEYS[3], -difference) end
        redis.call('HSET', KEYS[1], 'onlinePercent', percent, 'onlineTarget', target, 'onlineQuota', onlineQuota, 'windowQuota', total - onlineQuota)
        return redis.call('HMGET', KEYS[1], 'total', 'onlinePercent', 'onlineTarget', 'onlineQuota', 'windowQuota', 'onlineIssued', 'windowIssued')
        """;

    private static readonly RedisValue[] CountFields = ["total", "onlinePercent", "onlineTarget", "onlineQuota", "windowQuota", "onlineIssued", "windowIssued"];

    private ConnectionMultiplexer? _redis;
    private string _durable = "less durable: a 201 is in Redis memory and its append-only file, fsynced once a second (appendfsync everysec): a crash can lose up to about 1 s of acknowledged bookings";

    public string Name => Engine.Redis;

    public string Durable => _durable;

    public string Store => $"Redis {options.Redis}, keys {KeyPrefix}{{poolId}}:*";

    private IDatabase Database => (_redis ?? throw new InvalidOperationException("The Redis engine was not reset before use.")).GetDatabase();

    public async Task ResetAsync(RushDay day, CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Redis!);
        configuration.AllowAdmin = true; // CONFIG GET, to report the durability actually in force
        try
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException($"Redis at {options.Redis} does not answer; start it with loadtests/scripts/redis.sh. ({e.Message})", e);
        }
        var server = _redis.GetServer(_redis.GetEndPoints()[0]);
        await CheckDurabilityAsync(server);

        var old = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: KeyPrefix + "*", pageSize: 1000).WithCancellation(cancellationToken))
            old.Add(key);
        foreach (var chunk in old.Chunk(1000)) await Database.KeyDeleteAsync(chunk);

        var db = Database;
        var writes = new List<Task>();
        foreach (var pool in day.Pools)
        {
            var online = pool.OnlineSerials();
            var window = pool.WindowSerials();
            writes.Add(db.HashSetAsync(Key(pool.PoolId, "pool"),
            [
                new("doctorId", pool.DoctorId), new("departmentId", pool.DepartmentId),
                new("day", pool.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("session", pool.Session),
                new("total", pool.Total), new("onlinePercent", pool.OnlinePercent),
                new("onlineTarget", PoolRules.TargetFor(pool.Total, pool.OnlinePercent)),
                new("onlineQuota", online.Count), new("windowQuota", window.Count),
                new("onlineIssued", 0), new("windowIssued", 0),
            ]));
            if (online.Count > 0) writes.Add(db.SortedSetAddAsync(Key(pool.PoolId, "free:online"), Serials(online)));
            if (window.Count > 0) writes.Add(db.SortedSetAddAsync(Key(pool.PoolId, "free:window"), Serials(window)));
        }
        await Task.WhenAll(writes);
    }

    public async Task<BookingResult> BookAsync(BookingRequest request)
    {
        var channel = request.Channel == Channel.Online ? "online" : "window";
        var candidate = request.Issued(serial: 0);
        var result = await Database.ScriptEvaluateAsync(BookScript,
            [
                Key(request.PoolId, "pool"), Key(request.PoolId, "free:" + channel), Key(request.PoolId, "patients"),
                Key(request.PoolId, "requests"), Key(request.PoolId, "bookings"),
            ],
            [
                channel, request.PatientId, request.RequestId, request.PoolId, candidate.Status,
                candidate.CreatedAt.ToUnixTimeMilliseconds(), candidate.PayBy?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "",
            ]);
        var answer = (string?[])result!;
        return answer[0] switch
        {
            "ok" => BookingResult.Ok(Parse(request.PoolId, answer[1]!, answer[2]!)),
            "replay" => BookingResult.Replay(request, Parse(request.PoolId, answer[1]!, answer[2]!)),
            "already-booked" => BookingResult.Refused(BookingOutcome.AlreadyBooked),
            "unknown-pool" => BookingResult.Refused(BookingOutcome.UnknownPool),
            "no-number" => BookingResult.NoNumber(request.Channel, onlineOverTarget: answer[1] == "true"),
            _ => throw new InvalidOperationException($"The booking script answered '{answer[0]}' for pool {request.PoolId}."),
        };
    }

    public async Task<PoolCounts?> ChangeRatioAsync(RushPool pool, int percent, string by, string reason)
    {
        var result = await Database.ScriptEvaluateAsync(RatioScript,
            [Key(pool.PoolId, "pool"), Key(pool.PoolId, "free:online"), Key(pool.PoolId, "free:window")],
            [percent]);
        return result.IsNull ? null : Counts(pool.PoolId, (RedisValue[])result!);
    }

    public async Task<PoolCounts?> GetPoolAsync(string poolId)
    {
        var values = await Database.HashGetAsync(Key(poolId, "pool"), CountFields);
        return values[0].IsNull ? null : Counts(poolId, values);
    }

    public async Task<IReadOnlyList<PoolCounts>> GetPoolsAsync(IReadOnlyList<string> poolIds)
    {
        var pools = await Task.WhenAll(poolIds.Select(GetPoolAsync));
        return pools.OfType<PoolCounts>().ToList();
    }

    public async Task<IReadOnlyList<StoredBooking>?> GetBookingsAsync(string poolId)
    {
        var exists = Database.KeyExistsAsync(Key(poolId, "pool"));
        var entries = await Database.HashGetAllAsync(Key(poolId, "bookings"));
        if (!await exists) return null;
        return entries.Select(e => Parse(poolId, e.Name!, e.Value!)).OrderBy(b => b.Serial).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }

    /// <summary>The pool id in braces is the hash tag: a pool's keys share one cluster slot.</summary>
    private static RedisKey Key(string poolId, string part) => $"{KeyPrefix}{{{poolId}}}:{part}";

    private static SortedSetEntry[] Serials(IReadOnlyList<int> serials) => serials.Select(s => new SortedSetEntry(s, s)).ToArray();

    private static PoolCounts Counts(string poolId, RedisValue[] v) =>
        new(poolId, (int)v[0], (int)v[1], (int)v[2], (int)v[3], (int)v[4], (int)v[5], (int)v[6]);

    /// <summary>A booking as the script stores it: serial|patient|request|channel|status|created ms|pay-by ms.</summary>
    private static StoredBooking Parse(string poolId, string bookingId, string stored)
    {
        var f = stored.Split('|');
        return new StoredBooking(
            bookingId, poolId, int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2],
            f[3] == "online" ? Channel.Online : Channel.Window, f[4],
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[5], CultureInfo.InvariantCulture)),
            f[6].Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[6], CultureInfo.InvariantCulture)));
    }

    private async Task CheckDurabilityAsync(IServer server)
    {
        var settings = (await server.ConfigGetAsync("append*")).ToDictionary(p => p.Key, p => p.Value);
        var appendOnly = settings.GetValueOrDefault("appendonly", "?");
        var fsync = settings.GetValueOrDefault("appendfsync", "?");
        if (appendOnly == "yes" && fsync == "everysec") return;
        _durable = $"NOT the baseline's setting: this Redis runs appendonly {appendOnly}, appendfsync {fsync} (expected yes, everysec; start it with loadtests/scripts/redis.sh)";
        logger.LogWarning("Redis at {Redis} runs appendonly {AppendOnly}, appendfsync {Fsync}; the baseline expects yes, everysec", options.Redis, appendOnly, fsync);
    }
}
