using System.Security.Claims;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.WeChat;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WeChat;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.OAuth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>
/// Patient sign-in through WeChat web authorization (网页授权). snsapi_base is silent and gives the
/// OpenID, which is all booking needs; snsapi_userinfo (asked only where a page shows the
/// nickname) asks the user. WeChat lets a code be exchanged once, within five minutes.
/// </summary>
public static partial class WeChatSignInApi
{
    public const string CallbackPath = "/signin/wechat/callback";

    public static IEndpointRouteBuilder MapWeChatSignIn(this IEndpointRouteBuilder routes)
    {
        // No sign-in rate limit here: there is no secret to guess (the state cookie comes first), and
        // at 07:00 many patients share one hospital Wi-Fi address.
        var group = routes.MapGroup("/signin/wechat").ExcludeFromDescription();
        group.MapGet("", Start).WithName("WeChatSignIn");
        group.MapGet("/callback", CallbackAsync).WithName("WeChatSignInCallback");
        return routes;
    }

    public static IResult Start(string? returnUrl, string? scope, HttpContext http, IOptions<WeChatOptions> wechat,
        IOptions<WeChatAccountOptions> account, IDataProtectionProvider protection, HospitalClock clock)
    {
        var attempt = OAuthAttempt.Start(LocalOrHome(returnUrl), scope == "userinfo" ? OAuthScope.UserInfo : OAuthScope.Base, clock.Now);
        attempt.Save(http, protection);
        var options = wechat.Value;
        return TypedResults.Redirect(OAuthUrls.Authorize(
            options.ResolvedAuthorizeBaseUrl(), options.AppId, account.Value.Link(CallbackPath), attempt.Scope, attempt.State));
    }

    public static async Task<IResult> CallbackAsync(string? code, string? state, HttpContext http, WeChatCredentialsClient client,
        IDataProtectionProvider protection, HospitalClock clock, IGrainFactory grains, ILoggerFactory logs)
    {
        var attempt = OAuthAttempt.Take(http, protection, clock.Now);
        if (attempt is null || !attempt.Matches(state)) return Failed("state");
        if (string.IsNullOrEmpty(code)) return Failed("refused"); // the user declined: WeChat sends only the state back
        var token = await client.ExchangeOAuthCodeAsync(code, http.RequestAborted);
        if (!token.Ok)
        {
            LogExchangeFailed(logs.CreateLogger(typeof(WeChatSignInApi)), token.Error!.ErrCode);
            return Failed(token.Error.ErrCode is WeChatErrorCodes.InvalidCode or WeChatErrorCodes.CodeBeenUsed ? "expired" : "failed");
        }
        var openId = token.Value!.OpenId;
        string? nickname = null;
        if (attempt.Scope == OAuthScope.UserInfo)
        {
            var info = await client.GetOAuthUserInfoAsync(token.Value.AccessToken, openId, http.RequestAborted);
            if (info.Ok) nickname = info.Value!.Nickname;
        }
        // The session acts for the account's default patient; with no card bound yet, binding comes first.
        var patients = await grains.WeChatUser(openId).GetPatientsAsync();
        var current = patients.FirstOrDefault(p => p.IsDefault)?.OutpatientNumber;
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PatientPrincipal.Create(current, openId, nickname));
        return TypedResults.Redirect(current is null ? $"/me/patients?returnUrl={Uri.EscapeDataString(attempt.ReturnUrl)}" : attempt.ReturnUrl);
    }

    private static IResult Failed(string reason) => TypedResults.Redirect($"/signin?wechat={reason}");

    private static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat sign-in: the code exchange was refused with {ErrCode}.")]
    private static partial void LogExchangeFailed(ILogger logger, int errCode);
}
