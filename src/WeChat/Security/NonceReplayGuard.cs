namespace HospitalOrleans.WeChat.Security;

/// <summary>
/// Remembers which (timestamp, nonce) pairs were seen within a window, so a captured signed
/// request cannot be played again while its timestamp still looks fresh. Memory is bounded:
/// past <see cref="Capacity"/> the oldest entries are forgotten first.
/// </summary>
public sealed class NonceReplayGuard
{
    /// <summary>Entries kept at most, unless another capacity is given.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly TimeProvider time;
    private readonly TimeSpan window;
    private readonly Dictionary<string, DateTimeOffset> expiries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset ExpiresAt)> order = new();
    private readonly Lock gate = new();

    public NonceReplayGuard(TimeProvider time, TimeSpan window)
        : this(time, window, DefaultCapacity)
    {
    }

    public NonceReplayGuard(TimeProvider time, TimeSpan window, int capacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.time = time;
        this.window = window;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Entries currently remembered.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return expiries.Count;
            }
        }
    }

    /// <summary>Records the pair; false when the same pair was already recorded within the window.</summary>
    public bool TryRecord(string timestamp, string nonce)
    {
        var key = string.Concat(timestamp, "\n", nonce);
        var now = time.GetUtcNow();
        lock (gate)
        {
            Forget(now);
            if (expiries.TryGetValue(key, out var expiresAt) && expiresAt > now)
            {
                return false;
            }

            while (expiries.Count >= Capacity && order.TryDequeue(out var oldest))
            {
                RemoveIfCurrent(oldest.Key, oldest.ExpiresAt);
            }

            var expiry = now + window;
            expiries[key] = expiry;
            order.Enqueue((key, expiry));
            return true;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (order.TryPeek(out var head) && head.ExpiresAt <= now)
        {
            order.Dequeue();
            RemoveIfCurrent(head.Key, head.ExpiresAt);
        }
    }

    private void RemoveIfCurrent(string key, DateTimeOffset expiresAt)
    {
        if (expiries.TryGetValue(key, out var current) && current == expiresAt)
        {
            expiries.Remove(key);
        }
    }
}
