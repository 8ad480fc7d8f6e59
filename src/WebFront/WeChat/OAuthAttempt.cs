using System.Security.Cryptography;
using System.Text.Json;
using HospitalOrleans.WeChat.OAuth;
using Microsoft.AspNetCore.DataProtection;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>
/// One WeChat sign-in in progress: the <c>state</c> sent to WeChat, where to go afterwards and
/// when it started, kept in a short-lived protected cookie of the browser that started it. The
/// callback must present the same state, and the cookie is consumed, so a callback URL replayed
/// later (or from another browser) is refused.
/// </summary>
public sealed record OAuthAttempt(string State, string ReturnUrl, OAuthScope Scope, DateTimeOffset StartedAt)
{
    public const string CookieName = "hospital.oauth";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Purpose = "HospitalOrleans.WeChat.OAuthAttempt";
    private const string StateAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static OAuthAttempt Start(string returnUrl, OAuthScope scope, DateTimeOffset now) =>
        new(RandomNumberGenerator.GetString(StateAlphabet, 32), returnUrl, scope, now);

    public void Save(HttpContext http, IDataProtectionProvider protection) =>
        http.Response.Cookies.Append(CookieName, protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(this)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax, // the callback is a top-level redirect from WeChat
            Secure = http.Request.IsHttps,
            MaxAge = Lifetime,
            Path = "/signin/wechat",
        });

    /// <summary>Reads and removes the attempt; null when absent, tampered with or expired.</summary>
    public static OAuthAttempt? Take(HttpContext http, IDataProtectionProvider protection, DateTimeOffset now)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value)) return null;
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/signin/wechat" });
        try
        {
            var attempt = JsonSerializer.Deserialize<OAuthAttempt>(protection.CreateProtector(Purpose).Unprotect(value));
            return attempt is not null && now - attempt.StartedAt <= Lifetime ? attempt : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public bool Matches(string? state) =>
        state is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(State), System.Text.Encoding.ASCII.GetBytes(state));
}
