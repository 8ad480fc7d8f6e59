using System.Collections.Concurrent;

namespace HospitalOrleans.WeChatSimulator.Calls;

/// <summary>What the platform asked of the simulator, so tests can assert "fetched the token once".</summary>
public sealed class CallStats
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Count(string what) => _counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    public void Count(SimulatedApi api, int errcode)
    {
        Count($"calls.{api}");
        if (errcode != 0) Count($"refused.{api}.{errcode}");
    }

    public int Get(string what) => _counts.GetValueOrDefault(what);

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
