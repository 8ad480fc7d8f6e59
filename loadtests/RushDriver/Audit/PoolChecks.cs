namespace HospitalOrleans.RushDriver.Audit;

/// <summary>A booking as a store or the API lists it, reduced to what the invariants need.</summary>
public sealed record AuditedBooking(string BookingId, int Serial, string PatientId, string Channel, bool Live, bool HoldsNumber);

/// <summary>One pool as a store or the API shows it; quotas when the source knows them.</summary>
public sealed record AuditedPool(string PoolId, int? OnlineQuota, int? WindowQuota, IReadOnlyList<AuditedBooking> Bookings);

/// <summary>The verdict of one source (the API, or one store).</summary>
public sealed record AuditSection(string Source, bool Clean, int Pools, int Bookings, int LedgerChecked, int ViolationCount, IReadOnlyList<string> Violations, string? Error);

public sealed record AuditReport(bool Clean, IReadOnlyList<AuditSection> Sections)
{
    public static AuditReport Skipped { get; } = new(true, []);
}

/// <summary>Collects violations; keeps the first few hundred word for word and counts the rest.</summary>
public sealed class Violations
{
    private const int Kept = 300;
    private readonly List<string> _items = [];

    public int Count { get; private set; }
    public IReadOnlyList<string> Items => _items;

    public void Add(string violation)
    {
        lock (_items)
        {
            Count++;
            if (_items.Count < Kept) _items.Add(violation);
        }
    }
}

/// <summary>
/// The invariants of loadtests/README.md, the same for every source: no serial issued twice in a
/// pool, no channel over its quota, no patient twice (live) in a pool, every 201 the driver got is
/// there with its booking id, patient, serial and channel.
/// </summary>
public static class PoolChecks
{
    public static void Check(string source, AuditedPool pool, IEnumerable<LedgerEntry> answered, Violations violations)
    {
        foreach (var twice in pool.Bookings.GroupBy(b => b.Serial).Where(g => g.Count() > 1))
            violations.Add($"{source}: {pool.PoolId}: serial {twice.Key} issued {twice.Count()} times ({string.Join(", ", twice.Select(b => b.BookingId))})");

        foreach (var twice in pool.Bookings.Where(b => b.Live).GroupBy(b => b.PatientId).Where(g => g.Count() > 1))
            violations.Add($"{source}: {pool.PoolId}: patient {twice.Key} holds {twice.Count()} live bookings ({string.Join(", ", twice.Select(b => b.BookingId))})");

        CheckQuota(source, pool, "online", pool.OnlineQuota, violations);
        CheckQuota(source, pool, "window", pool.WindowQuota, violations);

        var byId = new Dictionary<string, AuditedBooking>(StringComparer.Ordinal);
        foreach (var booking in pool.Bookings) byId.TryAdd(booking.BookingId, booking);
        foreach (var entry in answered)
        {
            if (!byId.TryGetValue(entry.BookingId, out var found))
                violations.Add($"{source}: {pool.PoolId}: booking {entry.BookingId} (patient {entry.PatientId}, serial {entry.Serial}, {entry.Phase}) was answered 201 but is missing");
            else if (found.PatientId != entry.PatientId || found.Serial != entry.Serial || !string.Equals(found.Channel, entry.Channel, StringComparison.OrdinalIgnoreCase))
                violations.Add($"{source}: {pool.PoolId}: booking {entry.BookingId} was answered 201 for {entry.PatientId} serial {entry.Serial} {entry.Channel} but holds {found.PatientId} serial {found.Serial} {found.Channel}");
        }
    }

    /// <summary>201 bookings in pools the source does not have at all.</summary>
    public static void CheckMissingPools(string source, IReadOnlySet<string> poolsSeen, ILookup<string, LedgerEntry> ledger, Violations violations)
    {
        foreach (var pool in ledger.Where(g => !poolsSeen.Contains(g.Key)))
            violations.Add($"{source}: pool {pool.Key} is absent but {pool.Count()} bookings in it were answered 201 (e.g. {pool.First().BookingId})");
    }

    public static AuditSection Section(string source, IReadOnlyCollection<AuditedPool> pools, ILookup<string, LedgerEntry> ledger, Violations violations) =>
        new(source, violations.Count == 0, pools.Count, pools.Sum(p => p.Bookings.Count), pools.Sum(p => ledger[p.PoolId].Count()), violations.Count, violations.Items, null);

    public static AuditSection Failed(string source, Exception failure) =>
        new(source, false, 0, 0, 0, 0, [], $"{failure.GetType().Name}: {failure.Message}");

    public static bool IsLive(string status) => status.ToLowerInvariant() is "held" or "confirmed";

    public static bool HoldsNumber(string status) => status.ToLowerInvariant() is "held" or "confirmed" or "noshow" or "no-show";

    private static void CheckQuota(string source, AuditedPool pool, string channel, int? quota, Violations violations)
    {
        if (quota is null) return;
        var issued = pool.Bookings.Count(b => b.HoldsNumber && string.Equals(b.Channel, channel, StringComparison.OrdinalIgnoreCase));
        if (issued > quota) violations.Add($"{source}: {pool.PoolId}: {issued} {channel} numbers held, quota {quota}");
    }
}
