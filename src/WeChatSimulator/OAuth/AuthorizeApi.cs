using HospitalOrleans.WeChatSimulator.Pages;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.OAuth;

/// <summary>
/// connect/oauth2/authorize: the page a user meets when the platform asks for web authorisation.
/// <c>sim_openid</c> (unknown to WeChat) skips the page for scripted tests and demos.
/// </summary>
public static class AuthorizeApi
{
    public static IEndpointRouteBuilder MapAuthorizeApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/connect/oauth2").WithTags("WeChat web authorisation");
        api.MapGet("/authorize", Show).WithName("OAuthAuthorize");
        // A local page posting to itself; there is no third-party site to forge requests from.
        api.MapPost("/authorize/decide", Decide).WithName("OAuthDecide").DisableAntiforgery();
        return routes;
    }

    public static IResult Show(
        [FromQuery(Name = "appid")] string? appId, [FromQuery(Name = "redirect_uri")] string? redirectUri,
        [FromQuery(Name = "response_type")] string? responseType, [FromQuery] string? scope, [FromQuery] string? state,
        [FromQuery(Name = "sim_openid")] string? simOpenId, [FromQuery(Name = "sim_nickname")] string? simNickname,
        HttpContext http, IOptions<SimulatorOptions> options, UserDirectory users, OAuthGrants grants)
    {
        var request = new AuthorizeRequest(appId, redirectUri, responseType, scope, state);
        if (request.Problem(options.Value.AppId) is { } problem) return AuthorizePage.Error(problem.Code, problem.Chinese, problem.English);
        if (!string.IsNullOrEmpty(simOpenId))
        {
            if (!OpenIds.IsValid(simOpenId)) return AuthorizePage.Error(40003, "sim_openid 参数错误", "Invalid sim_openid");
            return Allow(http, request, simOpenId, simNickname, users, grants);
        }
        var openId = CurrentUser.Read(http) ?? OpenIds.New();
        return AuthorizePage.Consent(request, options.Value.AccountName, openId, users.Find(openId)?.Nickname ?? "");
    }

    public static async Task<IResult> Decide(HttpContext http, IOptions<SimulatorOptions> options, UserDirectory users, OAuthGrants grants)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var request = new AuthorizeRequest(form["appid"], form["redirect_uri"], form["response_type"], form["scope"], form["state"]);
        if (request.Problem(options.Value.AppId) is { } problem) return AuthorizePage.Error(problem.Code, problem.Chinese, problem.English);
        if (form["decision"] != "allow") return TypedResults.Redirect(request.RedirectWith(code: null));
        string? openId = form["openid"];
        if (!OpenIds.IsValid(openId)) return AuthorizePage.Error(40003, "OpenID 格式不对：1–64 位字母、数字、- 或 _", "OpenID: 1–64 letters, digits, - or _");
        return Allow(http, request, openId!, form["nickname"], users, grants);
    }

    private static IResult Allow(HttpContext http, AuthorizeRequest request, string openId, string? nickname, UserDirectory users, OAuthGrants grants)
    {
        users.Touch(openId, nickname);
        CurrentUser.Remember(http, openId);
        return TypedResults.Redirect(request.RedirectWith(grants.IssueCode(openId, request.Scope!)));
    }
}
