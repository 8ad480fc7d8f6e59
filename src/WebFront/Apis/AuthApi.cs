using System.Security.Claims;
using HospitalOrleans.GrainInterfaces.Staff;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>Sign-in for staff (password) and, in demo mode only, for patients by id.</summary>
public static class AuthApi
{
    public const string SignInLimiter = "sign-in";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes, bool demo)
    {
        var api = routes.MapGroup("/api/auth").WithTags("Authentication");
        api.MapPost("/staff/sign-in", StaffSignIn).WithName("StaffSignIn").RequireRateLimiting(SignInLimiter);
        api.MapPost("/sign-out", (Delegate)SignOut).WithName("SignOut");
        api.MapGet("/me", Me).WithName("Me");
        // Outside demo mode this route does not exist at all: patients sign in through WeChat.
        if (demo) api.MapPost("/demo/patient-sign-in", DemoPatientSignIn).WithName("DemoPatientSignIn");
        return routes;
    }

    public static async Task<IResult> StaffSignIn(StaffSignInRequest request, HttpContext http, StaffSignIn signIn)
    {
        var check = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.UserName) && request.UserName.Length <= 64, "userName", "Required.")
            .Require(!string.IsNullOrEmpty(request.Password) && request.Password.Length <= 256, "password", "Required.");
        if (!check.IsValid) return check.ToProblem();
        var principal = await signIn.VerifyAsync(request.UserName!, request.Password!);
        if (principal is null)
            return Problems.Problem(StatusCodes.Status401Unauthorized, "bad-credentials", "Sign-in failed", "Unknown user name or wrong password.");
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(Describe(principal));
    }

    public static async Task<IResult> DemoPatientSignIn(DemoPatientSignInRequest request, HttpContext http)
    {
        if (!Identifiers.IsPatientId(request.PatientId))
            return new Validation().Require(false, "patientId", "Required: 1–32 letters or digits.").ToProblem();
        var principal = PatientPrincipal.Create(request.PatientId!);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(Describe(principal));
    }

    public static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static IResult Me(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? TypedResults.Ok(Describe(user)) : Problems.Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "Not signed in", null);

    private static SignedInUser Describe(ClaimsPrincipal user) =>
        new(user.Name(), user.Claims.Where(c => c.Type == ClaimTypes.Role).Select(c => c.Value).ToList(), user.PatientId());
}

public sealed record StaffSignInRequest(string? UserName, string? Password);

public sealed record DemoPatientSignInRequest(string? PatientId);

public sealed record SignedInUser(string Name, IReadOnlyList<string> Roles, string? PatientId);
