using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HospitalOrleans.WebFront.Auth;

public static class PatientPrincipal
{
    /// <summary>
    /// A patient session acting for <paramref name="patientId"/> (the card chosen; none before the
    /// first binding). Through WeChat it also carries the OpenID it is tied to, and the nickname
    /// when a page asked for it.
    /// </summary>
    public static ClaimsPrincipal Create(string? patientId, string? openId = null, string? nickname = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, !string.IsNullOrEmpty(nickname) ? nickname : patientId ?? "微信用户"),
            new(ClaimTypes.Role, Roles.Patient),
        };
        if (patientId is not null) claims.Add(new Claim(HospitalClaims.PatientId, patientId));
        if (!string.IsNullOrEmpty(nickname)) claims.Add(new Claim(HospitalClaims.Nickname, nickname));
        if (openId is not null) claims.Add(new Claim(HospitalClaims.OpenId, openId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
