namespace HospitalOrleans.RushDriver.Audit;

/// <summary>An audit read straight from a target's store, bypassing its API.</summary>
public interface IStoreAudit
{
    string Source { get; }

    /// <summary>Every pool the store holds (of the run's days or not), and what the store's own shape shows wrong.</summary>
    Task<StoreReading> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>The pools of a store, and violations only that store's layout can show (e.g. a slot and its booking disagreeing).</summary>
public sealed record StoreReading(IReadOnlyList<AuditedPool> Pools, IReadOnlyList<string> Findings);

public static class StoreAudits
{
    /// <summary>Picks the plug-in from <c>--store kind:argument</c>.</summary>
    public static IStoreAudit Create(string store)
    {
        var colon = store.IndexOf(':');
        if (colon <= 0) throw new ArgumentException($"--store '{store}': use kind:argument (postgres, redis, sqlite, orleans-postgres).");
        var (kind, argument) = (store[..colon], store[(colon + 1)..]);
        return kind switch
        {
            "postgres" => new BaselinePostgresAudit(argument),
            "redis" => new RedisAudit(argument),
            "sqlite" => new OrleansStoreAudit(OrleansStoreAudit.Database.Sqlite, argument),
            "orleans-postgres" => new OrleansStoreAudit(OrleansStoreAudit.Database.PostgreSql, argument),
            _ => throw new ArgumentException($"--store '{kind}' is not a known store (postgres, redis, sqlite, orleans-postgres)."),
        };
    }

    /// <summary>Reads the store and checks every pool in it, plus that no answered pool is missing.</summary>
    public static async Task<AuditSection> RunAsync(IStoreAudit audit, ILookup<string, LedgerEntry> ledger, CancellationToken cancellationToken)
    {
        try
        {
            var (pools, findings) = await audit.ReadAsync(cancellationToken);
            var violations = new Violations();
            foreach (var finding in findings) violations.Add($"{audit.Source}: {finding}");
            foreach (var pool in pools) PoolChecks.Check(audit.Source, pool, ledger[pool.PoolId], violations);
            PoolChecks.CheckMissingPools(audit.Source, pools.Select(p => p.PoolId).ToHashSet(), ledger, violations);
            return PoolChecks.Section(audit.Source, pools, ledger, violations);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return PoolChecks.Failed(audit.Source, failure);
        }
    }
}
