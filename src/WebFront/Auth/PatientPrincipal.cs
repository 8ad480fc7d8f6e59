using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HospitalOrleans.WebFront.Auth;

public static class PatientPrincipal
{
    public static ClaimsPrincipal Create(string patientId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, patientId),
            new Claim(ClaimTypes.Role, Roles.Patient),
            new Claim(HospitalClaims.PatientId, patientId),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));
}
