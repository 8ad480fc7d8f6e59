using System.Globalization;

namespace HospitalOrleans.RushDriver.Audit;

/// <summary>
/// The redis baseline's keys (loadtests/Baselines/Engines/RedisEngine.cs): per pool a hash
/// <c>rush:{poolId}:pool</c> with its quotas and a hash <c>rush:{poolId}:bookings</c> of
/// bookingId → <c>serial|patient|request|channel|status|created|payBy</c>.
/// </summary>
public sealed class RedisAudit(string hostPort) : IStoreAudit
{
    private const string Prefix = "rush:";

    public string Source => "store:redis";

    public async Task<StoreReading> ReadAsync(CancellationToken cancellationToken)
    {
        await using var redis = await RespClient.ConnectAsync(hostPort, cancellationToken);
        var poolIds = await PoolIdsAsync(redis);
        var pools = new List<AuditedPool>(poolIds.Count);
        var findings = new List<string>();
        foreach (var poolId in poolIds.Order(StringComparer.Ordinal))
        {
            var counts = (object?[])(await redis.CallAsync("HMGET", Key(poolId, "pool"), "onlineQuota", "windowQuota", "onlineIssued", "windowIssued"))!;
            var entries = (object?[])(await redis.CallAsync("HGETALL", Key(poolId, "bookings")))!;
            var bookings = new List<AuditedBooking>(entries.Length / 2);
            for (var i = 0; i + 1 < entries.Length; i += 2)
            {
                var f = ((string)entries[i + 1]!).Split('|');
                var live = PoolChecks.IsLive(f[4]);
                bookings.Add(new AuditedBooking((string)entries[i]!, int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[3], live, PoolChecks.HoldsNumber(f[4])));
            }
            var pool = new AuditedPool(poolId, Int(counts[0]), Int(counts[1]), bookings);
            pools.Add(pool);
            CheckCounters(pool, Int(counts[2]), Int(counts[3]), findings);
        }
        return new StoreReading(pools, findings);
    }

    /// <summary>The script counts what it issues; the count must match the bookings it wrote.</summary>
    private static void CheckCounters(AuditedPool pool, int? onlineIssued, int? windowIssued, List<string> findings)
    {
        foreach (var (channel, counted) in new[] { ("online", onlineIssued), ("window", windowIssued) })
        {
            var held = pool.Bookings.Count(b => b.HoldsNumber && b.Channel == channel);
            if (counted is { } n && n != held) findings.Add($"{pool.PoolId}: counter {channel}Issued = {n} but {held} {channel} bookings hold numbers");
        }
    }

    private static async Task<List<string>> PoolIdsAsync(RespClient redis)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cursor = "0";
        do
        {
            var page = (object?[])(await redis.CallAsync("SCAN", cursor, "MATCH", Prefix + "*:pool", "COUNT", "1000"))!;
            cursor = (string)page[0]!;
            foreach (var key in (object?[])page[1]!)
            {
                var text = (string)key!;
                var open = text.IndexOf('{');
                var close = text.IndexOf('}');
                if (open >= 0 && close > open) ids.Add(text[(open + 1)..close]);
            }
        }
        while (cursor != "0");
        return ids.ToList();
    }

    private static string Key(string poolId, string part) => $"{Prefix}{{{poolId}}}:{part}";

    private static int? Int(object? value) => value is string s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
