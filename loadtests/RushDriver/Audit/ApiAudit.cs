using System.Text.Json;

namespace HospitalOrleans.RushDriver.Audit;

/// <summary>The audit through the API: every pool of both days read as clerk1 (<c>GET /api/pools/{id}/bookings</c>).</summary>
public sealed class ApiAudit(RushHttp http, Uri front, System.Net.CookieContainer clerk)
{
    public const string Source = "api";

    public async Task<AuditSection> RunAsync(IEnumerable<RushDay> days, ILookup<string, LedgerEntry> ledger)
    {
        var violations = new Violations();
        var pools = new List<AuditedPool>();
        var ids = days.SelectMany(d => d.Pools).Select(p => p.PoolId).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (poolId, _) =>
        {
            var pool = await ReadAsync(poolId, violations);
            if (pool is null) return;
            lock (pools) pools.Add(pool);
            PoolChecks.Check(Source, pool, ledger[poolId], violations);
        });
        PoolChecks.CheckMissingPools(Source, pools.Select(p => p.PoolId).ToHashSet(), ledger, violations);
        return PoolChecks.Section(Source, pools, ledger, violations);
    }

    private async Task<AuditedPool?> ReadAsync(string poolId, Violations violations)
    {
        var read = await http.SendAsync(null, RequestKind.Read, HttpMethod.Get, front, $"/api/pools/{poolId}", clerk, null);
        var list = await http.SendAsync(null, RequestKind.Read, HttpMethod.Get, front, $"/api/pools/{poolId}/bookings", clerk, null);
        if (!read.IsSuccess || !list.IsSuccess)
        {
            violations.Add($"{Source}: {poolId}: could not be read ({read.Status} {read.Outcome} / {list.Status} {list.Outcome})");
            return null;
        }
        var pool = read.Json();
        var bookings = list.Json().EnumerateArray().Select(b =>
        {
            var status = Text(b, "status");
            return new AuditedBooking(Text(b, "bookingId"), b.GetProperty("serial").GetInt32(), Text(b, "patientId"), Text(b, "channel"),
                PoolChecks.IsLive(status), PoolChecks.HoldsNumber(status));
        }).ToList();
        return new AuditedPool(poolId, Int(pool, "onlineQuota"), Int(pool, "windowQuota"), bookings);
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";

    private static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : null;
}
