using System.Security.Claims;

namespace HospitalOrleans.WebFront.Auth;

public static class CurrentUser
{
    public static string? PatientId(this ClaimsPrincipal user) => user.FindFirstValue(HospitalClaims.PatientId);

    /// <summary>The WeChat OpenID the session signed in with (null for demo and staff sign-in).</summary>
    public static string? OpenId(this ClaimsPrincipal user) => user.FindFirstValue(HospitalClaims.OpenId);

    public static string Name(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static bool IsStaff(this ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);
}
