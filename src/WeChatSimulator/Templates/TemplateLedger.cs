namespace HospitalOrleans.WeChatSimulator.Templates;

/// <summary>
/// client_msg_id bookkeeping: every send attempt is counted (so a test can see a retry), and the same
/// user + client_msg_id within ten minutes gets the first send's msgid without a second delivery,
/// as WeChat documents ("10分钟有效").
/// </summary>
public sealed class TemplateLedger(TimeProvider time)
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OpenId, string ClientMsgId), (long MsgId, DateTimeOffset At)> _sent = [];

    public void CountAttempt(string clientMsgId)
    {
        lock (_gate) _attempts[clientMsgId] = _attempts.GetValueOrDefault(clientMsgId) + 1;
    }

    public int Attempts(string clientMsgId)
    {
        lock (_gate) return _attempts.GetValueOrDefault(clientMsgId);
    }

    /// <summary>The msgid to answer with, and whether this call is the one that delivers.</summary>
    public (long MsgId, bool Deliver) Claim(string openId, string? clientMsgId, Func<long> newMsgId)
    {
        if (string.IsNullOrEmpty(clientMsgId)) return (newMsgId(), true);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_sent.TryGetValue((openId, clientMsgId), out var earlier) && now - earlier.At < IdempotencyWindow) return (earlier.MsgId, false);
            var msgId = newMsgId();
            _sent[(openId, clientMsgId)] = (msgId, now);
            return (msgId, true);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _attempts.Clear();
            _sent.Clear();
        }
    }
}
