using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Calls;

/// <summary>Counts each API's calls per Beijing day and refuses the call that goes over the limit.</summary>
public sealed class DailyQuotas(IOptions<SimulatorOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SimulatedApi, int> _used = [];
    private DateOnly _day = ChinaTime.QuotaDay(time.GetUtcNow());

    /// <summary>Takes one call from today's quota; false when the quota is spent (the call is not counted).</summary>
    public bool TryTake(SimulatedApi api)
    {
        var limit = options.Value.Quotas.LimitFor(api);
        lock (_gate)
        {
            RollOver();
            var used = _used.GetValueOrDefault(api);
            if (limit is { } max && used >= max) return false;
            _used[api] = used + 1;
            return true;
        }
    }

    public IReadOnlyDictionary<SimulatedApi, int> UsedToday()
    {
        lock (_gate)
        {
            RollOver();
            return new Dictionary<SimulatedApi, int>(_used);
        }
    }

    public void Reset()
    {
        lock (_gate) _used.Clear();
    }

    private void RollOver()
    {
        var today = ChinaTime.QuotaDay(time.GetUtcNow());
        if (today == _day) return;
        _day = today;
        _used.Clear();
    }
}
