using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Tokens;

/// <summary>
/// The account's access tokens with WeChat's lifecycle: a new cgi-bin/token invalidates the previous one
/// after five minutes of overlap; a stable token is handed out again while it lives, and force_refresh
/// replaces it at once.
/// </summary>
public sealed class AccessTokenRegistry(IOptions<SimulatorOptions> options, TimeProvider time)
{
    public const int TokenLength = 136;
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<TokenKind, string> _current = [];

    public IssuedTokenView IssueBasic()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_current.TryGetValue(TokenKind.Basic, out var previous)) Retire(previous, now + Overlap);
            return Issue(TokenKind.Basic, now);
        }
    }

    public IssuedTokenView IssueStable(bool forceRefresh)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_current.TryGetValue(TokenKind.Stable, out var currentValue))
            {
                var current = _tokens[currentValue];
                if (forceRefresh) Retire(currentValue, now);
                // Within the last five minutes WeChat already hands out the successor; the old one runs out by itself.
                else if (current.UsableUntil() - now > Overlap) return View(current, now);
            }
            return Issue(TokenKind.Stable, now);
        }
    }

    public TokenVerdict Check(string? value)
    {
        if (string.IsNullOrEmpty(value)) return TokenVerdict.Missing;
        if (!IsWellFormed(value)) return TokenVerdict.Malformed;
        lock (_gate)
        {
            if (!_tokens.TryGetValue(value, out var token)) return TokenVerdict.Unknown;
            var now = time.GetUtcNow();
            if (token.RetiredAt is { } retired && now >= retired) return TokenVerdict.Unknown;
            return now >= token.ExpiresAt ? TokenVerdict.Expired : TokenVerdict.Valid;
        }
    }

    /// <summary>Fault injection: every token issued so far runs out now.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var (value, token) in _tokens.ToList())
                if (token.ExpiresAt > now) _tokens[value] = token with { ExpiresAt = now };
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _tokens.Clear();
            _current.Clear();
        }
    }

    public static bool IsWellFormed(string value) =>
        value.Length == TokenLength && value.All(c => RandomText.UrlSafe.Contains(c));

    private IssuedTokenView Issue(TokenKind kind, DateTimeOffset now)
    {
        var token = new IssuedToken(RandomText.Of(TokenLength), kind, now, now.AddSeconds(options.Value.TokenLifetimeSeconds), null);
        _tokens[token.Value] = token;
        _current[kind] = token.Value;
        return View(token, now);
    }

    private void Retire(string value, DateTimeOffset at)
    {
        var token = _tokens[value];
        if (token.RetiredAt is { } already && already <= at) return;
        _tokens[value] = token with { RetiredAt = at };
    }

    private static IssuedTokenView View(IssuedToken token, DateTimeOffset now) =>
        new(token.Value, (int)Math.Max(0, Math.Ceiling((token.UsableUntil() - now).TotalSeconds)));

    private sealed record IssuedToken(string Value, TokenKind Kind, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RetiredAt)
    {
        public DateTimeOffset UsableUntil() => RetiredAt is { } retired && retired < ExpiresAt ? retired : ExpiresAt;
    }
}

/// <summary>A token as the API hands it out: the value and the seconds it has left.</summary>
public sealed record IssuedTokenView(string Value, int ExpiresIn);
