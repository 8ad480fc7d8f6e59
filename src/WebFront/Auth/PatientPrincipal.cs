using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HospitalOrleans.WebFront.Auth;

public static class PatientPrincipal
{
    /// <summary>A patient session; through WeChat it also carries the OpenID it is tied to (and the nickname when asked for).</summary>
    public static ClaimsPrincipal Create(string patientId, string? openId = null, string? nickname = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, string.IsNullOrEmpty(nickname) ? patientId : nickname),
            new(ClaimTypes.Role, Roles.Patient),
            new(HospitalClaims.PatientId, patientId),
        };
        if (openId is not null) claims.Add(new Claim(HospitalClaims.OpenId, openId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
