using System.Threading.RateLimiting;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// Keeps refund requests of this silo under <c>WeChatPay:RefundsPerSecond</c>. WeChat Pay answers
/// FREQUENCY_LIMITED beyond the merchant's rate; a refund that waits here a moment is better than
/// one refused and retried. A queued refund is already durable (pending in its invoice), so a
/// request that cannot get a permit in time is simply sent by the next follow-up.
/// </summary>
public sealed class RefundThrottle(int perSecond) : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, perSecond),
        TokensPerPeriod = Math.Max(1, perSecond),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public int PerSecond { get; } = Math.Max(1, perSecond);

    /// <summary>Waits for a permit; false when the queue is full or <paramref name="ct"/> fired.</summary>
    public async Task<bool> WaitAsync(CancellationToken ct)
    {
        try
        {
            using var lease = await _limiter.AcquireAsync(1, ct);
            return lease.IsAcquired;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _limiter.Dispose();
}
