using System.Security.Claims;
using HospitalOrleans.Hosting;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>
/// Staff sign in with user name and password; in demo mode a patient may also enter by id
/// (outside demo mode patients arrive through WeChat).
/// </summary>
public sealed class SignInModel(StaffSignIn signIn, IConfiguration configuration) : HospitalPageModel
{
    public bool Demo => HospitalOptions.DemoEnabled(configuration);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why a WeChat sign-in came back here (set by the OAuth callback).</summary>
    [BindProperty(SupportsGet = true, Name = "wechat")]
    public string? WeChatOutcome { get; set; }

    public string? WeChatProblem => WeChatOutcome switch
    {
        "state" => T.WeChatSignInState,
        "refused" => T.WeChatSignInRefused,
        "expired" => T.WeChatSignInExpired,
        "failed" => T.WeChatSignInFailed,
        _ => null,
    };

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PatientId { get; set; }

    /// <summary>Signed in already and sent back here: the account may not open the page asked for.</summary>
    public bool Denied => User.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(ReturnUrl);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostStaffAsync()
    {
        Password ??= "";
        if (string.IsNullOrWhiteSpace(UserName) || UserName.Length > 64) return Fail(T.UserNameRequired, StatusCodes.Status400BadRequest);
        if (Password.Length is 0 or > 256) return Fail(T.PasswordRequired, StatusCodes.Status400BadRequest);
        var principal = await signIn.VerifyAsync(UserName, Password);
        Password = null;
        if (principal is null) return Fail(T.SignInFailed, StatusCodes.Status401Unauthorized);
        return await EnterAsync(principal);
    }

    public async Task<IActionResult> OnPostPatientAsync()
    {
        if (!Demo) return NotFound();
        PatientId = PatientId?.Trim();
        if (!Identifiers.IsPatientId(PatientId)) return Fail(T.PatientIdInvalid, StatusCodes.Status400BadRequest);
        return await EnterAsync(PatientPrincipal.Create(PatientId!));
    }

    private async Task<IActionResult> EnterAsync(ClaimsPrincipal principal)
    {
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        if (Url.IsLocalUrl(ReturnUrl)) return Redirect(ReturnUrl);
        return Redirect(HomeOf(principal));
    }

    private static string HomeOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Operations) || user.IsInRole(Roles.Admin) ? "/ops/board"
        : user.IsInRole(Roles.Clerk) ? "/clerk"
        : user.IsInRole(Roles.Doctor) ? "/doctor/bills"
        : user.IsInRole(Roles.Patient) ? "/me/bookings"
        : "/";
}
