using System.Security.Claims;
using HospitalOrleans.Baselines.Auth;
using HospitalOrleans.Baselines.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HospitalOrleans.Baselines.Apis;

/// <summary>Sign-in for staff (password) and, as the platform in demo mode, for patients by id.</summary>
public static class AuthApi
{
    public const string SignInLimiter = "sign-in";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/auth").WithTags("Authentication");
        api.MapPost("/staff/sign-in", StaffSignIn).WithName("StaffSignIn").RequireRateLimiting(SignInLimiter);
        api.MapPost("/demo/patient-sign-in", PatientSignIn).WithName("DemoPatientSignIn");
        api.MapPost("/sign-out", (Delegate)SignOut).WithName("SignOut");
        api.MapGet("/me", Me).WithName("Me");
        return routes;
    }

    public static async Task<IResult> StaffSignIn(StaffSignInRequest request, HttpContext http, StaffAccounts accounts)
    {
        var check = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.UserName) && request.UserName.Length <= 64, "userName", "Required.")
            .Require(!string.IsNullOrEmpty(request.Password) && request.Password.Length <= 256, "password", "Required.");
        if (!check.IsValid) return check.ToProblem();
        if (accounts.Verify(request.UserName!, request.Password!) is not { } principal)
            return Problems.Problem(StatusCodes.Status401Unauthorized, "bad-credentials", "Sign-in failed", "Unknown user name or wrong password.");
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(Describe(principal));
    }

    public static async Task<IResult> PatientSignIn(PatientSignInRequest request, HttpContext http)
    {
        if (!Validation.IsPatientId(request.PatientId))
            return new Validation().Require(false, "patientId", "Required: 1–32 letters or digits.").ToProblem();
        var principal = Principals.Patient(request.PatientId!);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(Describe(principal));
    }

    public static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static IResult Me(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? TypedResults.Ok(Describe(user))
            : Problems.Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "Not signed in", null);

    private static SignedInUser Describe(ClaimsPrincipal user) =>
        new(user.Name(), user.Claims.Where(c => c.Type == ClaimTypes.Role).Select(c => c.Value).ToList(), user.PatientId());
}
