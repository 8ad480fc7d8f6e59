using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.OAuth;

/// <summary>
/// Web-authorisation codes and the user tokens they are exchanged for. A code works once and only for
/// CodeLifetimeSeconds; web access tokens live TokenLifetimeSeconds, refresh tokens 30 days.
/// </summary>
public sealed class OAuthGrants(IOptions<SimulatorOptions> options, TimeProvider time)
{
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserGrant> _refreshTokens = new(StringComparer.Ordinal);

    public string IssueCode(string openId, string scope)
    {
        lock (_gate)
        {
            var code = RandomText.Of(32, RandomText.Alphanumeric);
            _codes[code] = new CodeGrant(openId, scope, time.GetUtcNow().AddSeconds(options.Value.CodeLifetimeSeconds), Used: false);
            return code;
        }
    }

    /// <summary>Spends the code; on success returns the user's new web tokens.</summary>
    public (UserTokens? Tokens, WeChatFailure? Failure) Exchange(string code)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_codes.TryGetValue(code, out var grant)) return (null, Failures.InvalidCode);
            if (grant.Used) return (null, Failures.CodeBeenUsed);
            if (now >= grant.ExpiresAt) return (null, Failures.CodeExpired);
            _codes[code] = grant with { Used = true };
            var refreshToken = RandomText.Of(86);
            _refreshTokens[refreshToken] = new UserGrant(grant.OpenId, grant.Scope, now + RefreshTokenLifetime);
            return (IssueAccessToken(grant.OpenId, grant.Scope, refreshToken, now), null);
        }
    }

    public (UserTokens? Tokens, WeChatFailure? Failure) Refresh(string refreshToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_refreshTokens.TryGetValue(refreshToken, out var grant)) return (null, Failures.InvalidRefreshToken);
            if (now >= grant.ExpiresAt) return (null, Failures.RefreshTokenExpired);
            return (IssueAccessToken(grant.OpenId, grant.Scope, refreshToken, now), null);
        }
    }

    /// <summary>The grant behind a web access token, or the failure WeChat reports for it.</summary>
    public (UserGrant? Grant, WeChatFailure? Failure) Check(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken)) return (null, Failures.MissingAccessToken);
        lock (_gate)
        {
            if (!_accessTokens.TryGetValue(accessToken, out var grant)) return (null, Failures.InvalidCredential);
            if (time.GetUtcNow() >= grant.ExpiresAt) return (null, Failures.AccessTokenExpired);
            return (grant, null);
        }
    }

    public void ExpireAll()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var (token, grant) in _accessTokens.ToList()) _accessTokens[token] = grant with { ExpiresAt = now };
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _codes.Clear();
            _accessTokens.Clear();
            _refreshTokens.Clear();
        }
    }

    private UserTokens IssueAccessToken(string openId, string scope, string refreshToken, DateTimeOffset now)
    {
        var accessToken = RandomText.Of(110);
        var lifetime = options.Value.TokenLifetimeSeconds;
        _accessTokens[accessToken] = new UserGrant(openId, scope, now.AddSeconds(lifetime));
        return new UserTokens(accessToken, lifetime, refreshToken, openId, scope);
    }

    private sealed record CodeGrant(string OpenId, string Scope, DateTimeOffset ExpiresAt, bool Used);
}

public sealed record UserGrant(string OpenId, string Scope, DateTimeOffset ExpiresAt);

/// <summary>The body of sns/oauth2/access_token; <c>is_snapshotuser</c> is never sent because the simulator has no snapshot pages.</summary>
public sealed record UserTokens(string AccessToken, int ExpiresIn, string RefreshToken, string Openid, string Scope);
