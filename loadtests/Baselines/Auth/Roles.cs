using System.Security.Claims;

namespace HospitalOrleans.Baselines.Auth;

/// <summary>The platform's role and policy names (src/WebFront/Auth/Roles.cs), for the calls of the contract.</summary>
public static class Roles
{
    public const string Patient = "patient";
    public const string Clerk = "clerk";
    public const string Operations = "operations";
}

public static class Policies
{
    public const string Patient = "patient";
    public const string Clerk = "clerk";
    public const string Operations = "operations";
    public const string ClerkOrOperations = "clerk-or-operations";
}

public static class Principals
{
    /// <summary>The patient id a patient session acts for (the platform's claim type).</summary>
    public const string PatientIdClaim = "hospital:patient-id";

    public static string Name(this ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public static string? PatientId(this ClaimsPrincipal user) => user.FindFirst(PatientIdClaim)?.Value;

    public static ClaimsPrincipal Patient(string patientId) => Create(patientId, [Roles.Patient], patientId);

    public static ClaimsPrincipal Create(string name, IEnumerable<string> roles, string? patientId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (patientId is not null) claims.Add(new Claim(PatientIdClaim, patientId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
