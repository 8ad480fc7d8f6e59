using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.OAuth;

/// <summary>sns/oauth2/access_token, sns/oauth2/refresh_token, sns/userinfo and sns/auth (PROTOCOL §4).</summary>
public static class SnsApi
{
    public static IEndpointRouteBuilder MapSnsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/sns").WithTags("WeChat web authorisation");
        api.MapGet("/oauth2/access_token", ExchangeCode).WithName("ExchangeOAuthCode");
        api.MapGet("/oauth2/refresh_token", RefreshToken).WithName("RefreshOAuthToken");
        api.MapGet("/userinfo", UserInfo).WithName("OAuthUserInfo");
        api.MapGet("/auth", CheckToken).WithName("CheckOAuthToken");
        return routes;
    }

    public static IResult ExchangeCode(
        [FromQuery(Name = "appid")] string? appId, [FromQuery] string? secret, [FromQuery] string? code,
        [FromQuery(Name = "grant_type")] string? grantType,
        IOptions<SimulatorOptions> options, CallGate gate, OAuthGrants grants, CallStats stats)
    {
        var refused = CheckApp(options.Value, appId, secret)
            ?? (grantType != "authorization_code" ? Failures.InvalidGrantType : null)
            ?? (string.IsNullOrEmpty(code) ? Failures.MissingCode : null)
            ?? gate.AdmitFaultsOnly(SimulatedApi.OAuthAccessToken);
        if (refused is not null) return WeChatReply.Error(refused);
        var (tokens, failure) = grants.Exchange(code!);
        if (failure is not null) return WeChatReply.Error(failure);
        stats.Count("tokens.issued.oauth");
        return WeChatReply.Json(tokens);
    }

    public static IResult RefreshToken(
        [FromQuery(Name = "appid")] string? appId, [FromQuery(Name = "grant_type")] string? grantType,
        [FromQuery(Name = "refresh_token")] string? refreshToken,
        IOptions<SimulatorOptions> options, CallGate gate, OAuthGrants grants)
    {
        var refused = (string.IsNullOrEmpty(appId) ? Failures.MissingAppId : null)
            ?? (appId != options.Value.AppId ? Failures.InvalidAppId : null)
            ?? (grantType != "refresh_token" ? Failures.InvalidGrantType : null)
            ?? gate.AdmitFaultsOnly(SimulatedApi.OAuthRefreshToken);
        if (refused is not null) return WeChatReply.Error(refused);
        var (tokens, failure) = grants.Refresh(refreshToken ?? "");
        return failure is not null ? WeChatReply.Error(failure) : WeChatReply.Json(tokens);
    }

    public static IResult UserInfo(
        [FromQuery(Name = "access_token")] string? accessToken, [FromQuery(Name = "openid")] string? openId,
        CallGate gate, OAuthGrants grants, UserDirectory users)
    {
        if (gate.AdmitFaultsOnly(SimulatedApi.OAuthUserInfo) is { } fault) return WeChatReply.Error(fault);
        var (grant, failure) = grants.Check(accessToken);
        if (failure is not null) return WeChatReply.Error(failure);
        if (string.IsNullOrEmpty(openId)) return WeChatReply.Error(Failures.MissingOpenId);
        if (openId != grant!.OpenId) return WeChatReply.Error(Failures.InvalidOpenId);
        if (grant.Scope != OAuthScopes.UserInfo) return WeChatReply.Error(Failures.ApiUnauthorized);
        var user = users.Touch(openId);
        return WeChatReply.Json(new UserProfile(user.OpenId, user.Nickname, 0, "", "", "", "", []));
    }

    public static IResult CheckToken(
        [FromQuery(Name = "access_token")] string? accessToken, [FromQuery(Name = "openid")] string? openId, OAuthGrants grants)
    {
        var (grant, failure) = grants.Check(accessToken);
        if (failure is not null) return WeChatReply.Error(failure);
        return openId == grant!.OpenId ? WeChatReply.Ok() : WeChatReply.Error(Failures.InvalidOpenId);
    }

    private static WeChatFailure? CheckApp(SimulatorOptions account, string? appId, string? secret)
    {
        if (string.IsNullOrEmpty(appId)) return Failures.MissingAppId;
        if (string.IsNullOrEmpty(secret)) return Failures.MissingSecret;
        if (appId != account.AppId) return Failures.InvalidAppId;
        return Secrets.Equal(secret, account.AppSecret) ? null : Failures.InvalidAppSecret;
    }

    /// <summary>Province, city and country have been empty for every user since WeChat's 2021 privacy change.</summary>
    public sealed record UserProfile(
        string Openid, string Nickname, int Sex, string Province, string City, string Country, string Headimgurl, IReadOnlyList<string> Privilege);
}
