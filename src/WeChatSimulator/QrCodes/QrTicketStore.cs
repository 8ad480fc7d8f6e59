using HospitalOrleans.WeChatSimulator.Infrastructure;

namespace HospitalOrleans.WeChatSimulator.QrCodes;

/// <summary>Created QR codes by ticket and by URL code. A permanent code asked for twice is the same code.</summary>
public sealed class QrTicketStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, QrTicket> _byTicket = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QrTicket> _byCode = new(StringComparer.Ordinal);

    public QrTicket Create(string actionName, string scene, int? expireSeconds, string baseUrl)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (expireSeconds is null && _byTicket.Values.FirstOrDefault(t => t.Permanent && t.ActionName == actionName && t.Scene == scene) is { } existing)
                return existing;
            var code = RandomText.Of(22, RandomText.Alphanumeric);
            var ticket = new QrTicket(RandomText.QrTicket(), code, $"{baseUrl}/q/{code}", actionName, scene, now,
                expireSeconds is { } seconds ? now.AddSeconds(seconds) : null);
            _byTicket[ticket.Ticket] = ticket;
            _byCode[ticket.Code] = ticket;
            return ticket;
        }
    }

    /// <summary>Only live tickets are found: an expired code scans as nothing.</summary>
    public QrTicket? FindByTicket(string? ticket) => Find(_byTicket, ticket);

    public QrTicket? FindByCode(string? code) => Find(_byCode, code);

    public IReadOnlyList<QrTicket> Live()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return _byTicket.Values.Where(t => t.LiveAt(now)).OrderBy(t => t.Scene, StringComparer.Ordinal).ThenBy(t => t.CreatedAt).ToList();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byTicket.Clear();
            _byCode.Clear();
        }
    }

    private QrTicket? Find(Dictionary<string, QrTicket> index, string? key)
    {
        if (string.IsNullOrEmpty(key)) return null;
        lock (_gate) return index.TryGetValue(key, out var ticket) && ticket.LiveAt(time.GetUtcNow()) ? ticket : null;
    }
}
