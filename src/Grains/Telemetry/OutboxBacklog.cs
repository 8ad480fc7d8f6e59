namespace HospitalOrleans.Grains.Telemetry;

/// <summary>
/// One grain's share of <see cref="HospitalMetrics.OutboxBacklogSize"/>. The grain reports its
/// outbox's size whenever it may have changed and withdraws it on deactivation, so the silo's sum
/// is what its active grains still hold: pending outboxes stay active (a keep-alive timer retries
/// them), so nothing waiting is left out.
/// </summary>
internal sealed class OutboxBacklog(string stage)
{
    private readonly KeyValuePair<string, object?> _stage = new("stage", stage);
    private int _reported;

    public void Report(int pending)
    {
        var change = pending - _reported;
        if (change == 0) return;
        _reported = pending;
        HospitalMetrics.OutboxBacklogSize.Add(change, _stage);
    }

    public void Withdraw() => Report(0);
}
