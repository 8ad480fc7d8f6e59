namespace HospitalOrleans.Grains.WeChat;

/// <summary>
/// The last few inbound dedupe keys of one user. WeChat retries within seconds, so a short memory
/// held in the activation suffices; it is not worth a storage write per message.
/// </summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>Adds the key; false when it was already there.</summary>
    public bool Add(string key)
    {
        if (!_keys.Add(key)) return false;
        _order.Enqueue(key);
        if (_order.Count > capacity) _keys.Remove(_order.Dequeue());
        return true;
    }
}
