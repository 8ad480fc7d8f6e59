using System.Security.Claims;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace HospitalOrleans.WebFront.Tests.Auth;

/// <summary>
/// The sign-in cookie's ticket is decrypted once and remembered by the cookie's exact text; what
/// could not be decrypted is never remembered, and no request can change another's ticket.
/// </summary>
public sealed class CachedCookieTicketsTests
{
    private readonly CountingFormat _inner = new();
    private readonly CachedCookieTickets _tickets;

    public CachedCookieTicketsTests() =>
        _tickets = new CachedCookieTickets(_inner, new MemoryCache(new MemoryCacheOptions { SizeLimit = 10 }));

    [Fact]
    public void TheSameCookieIsDecryptedOnceAndGivesTheSamePatient()
    {
        var cookie = _tickets.Protect(Ticket("P000001"));

        var first = _tickets.Unprotect(cookie);
        var second = _tickets.Unprotect(cookie);

        Assert.Equal(1, _inner.Unprotects);
        Assert.Equal("P000001", first!.Principal.FindFirstValue("patient"));
        Assert.Equal("P000001", second!.Principal.FindFirstValue("patient"));
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc);
    }

    [Fact]
    public void AForgedCookieIsRefusedEveryTimeAndNeverRemembered()
    {
        Assert.Null(_tickets.Unprotect("forged"));
        Assert.Null(_tickets.Unprotect("forged"));
        Assert.Null(_tickets.Unprotect(""));

        Assert.Equal(2, _inner.Unprotects);
    }

    [Fact]
    public void ChangingOneRequestsTicketChangesNoOtherRequests()
    {
        var cookie = _tickets.Protect(Ticket("P000001"));
        var first = _tickets.Unprotect(cookie)!;

        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("role", "admin"));
        first.Properties.ExpiresUtc = DateTimeOffset.MaxValue;
        var second = _tickets.Unprotect(cookie)!;

        Assert.False(second.Principal.HasClaim("role", "admin"));
        Assert.NotEqual(DateTimeOffset.MaxValue, second.Properties.ExpiresUtc);
    }

    [Fact]
    public void DifferentCookiesGiveTheirOwnPatients()
    {
        var one = _tickets.Protect(Ticket("P000001"));
        var two = _tickets.Protect(Ticket("P000002"));

        Assert.Equal("P000001", _tickets.Unprotect(one)!.Principal.FindFirstValue("patient"));
        Assert.Equal("P000002", _tickets.Unprotect(two)!.Principal.FindFirstValue("patient"));
    }

    private static AuthenticationTicket Ticket(string patientId) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim("patient", patientId)], "cookie")),
        new AuthenticationProperties { ExpiresUtc = new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero) },
        "Cookies");

    /// <summary>Stands in for the data-protected format: counts decryptions, knows only what it made.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly Dictionary<string, AuthenticationTicket> _made = new();

        public int Unprotects { get; private set; }

        public string Protect(AuthenticationTicket data) => Protect(data, null);

        public string Protect(AuthenticationTicket data, string? purpose)
        {
            var text = "ticket-" + _made.Count;
            _made[text] = data;
            return text;
        }

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotects++;
            return protectedText is not null && _made.TryGetValue(protectedText, out var ticket)
                ? new AuthenticationTicket(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme)
                : null;
        }
    }
}
