using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.JsSdk;

/// <summary>One ticket per type, handed out again while it lives (the quota is small, so clients must cache it).</summary>
public sealed class JsApiTicketStore(IOptions<SimulatorOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Ticket, DateTimeOffset ExpiresAt)> _tickets = new(StringComparer.Ordinal);

    public (string Ticket, int ExpiresIn) Current(string type)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_tickets.TryGetValue(type, out var ticket) || ticket.ExpiresAt <= now)
            {
                ticket = (RandomText.Of(86), now.AddSeconds(options.Value.TokenLifetimeSeconds));
                _tickets[type] = ticket;
            }
            return (ticket.Ticket, (int)Math.Ceiling((ticket.ExpiresAt - now).TotalSeconds));
        }
    }

    public void Reset()
    {
        lock (_gate) _tickets.Clear();
    }
}
