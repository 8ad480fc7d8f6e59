using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.Auth;

/// <summary>
/// Remembers the tickets of recently seen sign-in cookies, so a patient refreshing availability
/// ten times a second does not pay for decrypting the same cookie each time: unprotecting the
/// cookie (key derivation, AES, HMAC) was about 5 % of the front's CPU in the morning rush
/// (dotnet-trace, docs/performance.md). Only a cookie that decrypted before is found, by its exact
/// text, and the cookie handler still checks the ticket's expiry on every request; each request
/// gets its own copy of the ticket because the handler and the endpoints may change it.
/// </summary>
public sealed class CachedCookieTickets(ISecureDataFormat<AuthenticationTicket> inner, MemoryCache cache) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>How long an unused entry stays; far shorter than a sign-in lasts.</summary>
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(2);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText)) return null;
        var key = (protectedText, purpose);
        if (cache.TryGetValue(key, out AuthenticationTicket? known) && known is not null) return Copy(known);
        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null) return null; // a forged or stale cookie is never remembered
        cache.Set(key, Copy(ticket), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        return ticket;
    }

    // ClaimsPrincipal.Clone() shares its identities; each identity is cloned here.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new ClaimsPrincipal(ticket.Principal.Identities.Select(identity => identity.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}

/// <summary>Wraps the cookie scheme's ticket format, once the framework has made it.</summary>
public sealed class CacheCookieTickets : IPostConfigureOptions<CookieAuthenticationOptions>
{
    /// <summary>Entries at most: about 2 KB each, so the cache stays near 40 MB at its fullest.</summary>
    public const int MaxTickets = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxTickets });

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (options.TicketDataFormat is not CachedCookieTickets)
            options.TicketDataFormat = new CachedCookieTickets(options.TicketDataFormat, _cache);
    }
}
