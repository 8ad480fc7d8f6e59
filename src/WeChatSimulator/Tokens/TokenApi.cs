using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Tokens;

/// <summary>cgi-bin/token and cgi-bin/stable_token (PROTOCOL §5).</summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/cgi-bin").WithTags("WeChat access token");
        api.MapGet("/token", FetchToken).WithName("FetchAccessToken");
        api.MapPost("/stable_token", FetchStableToken).WithName("FetchStableAccessToken");
        return routes;
    }

    public static IResult FetchToken(
        [FromQuery(Name = "grant_type")] string? grantType, [FromQuery(Name = "appid")] string? appId, [FromQuery] string? secret,
        IOptions<SimulatorOptions> options, CallGate gate, AccessTokenRegistry tokens, CallStats stats)
    {
        if ((CheckCredentials(options.Value, grantType, appId, secret) ?? gate.AdmitWithoutToken(SimulatedApi.Token)) is { } refused)
            return WeChatReply.Error(refused);
        stats.Count("tokens.issued.token");
        var token = tokens.IssueBasic();
        return WeChatReply.Json(new TokenIssued(token.Value, token.ExpiresIn));
    }

    public static async Task<IResult> FetchStableToken(
        HttpRequest request, IOptions<SimulatorOptions> options, CallGate gate, AccessTokenRegistry tokens, CallStats stats)
    {
        var body = await ReadStableTokenRequest(request);
        if (body is null) return WeChatReply.Error(Failures.DataFormatError);
        if ((CheckCredentials(options.Value, body.GrantType, body.AppId, body.Secret) ?? gate.AdmitWithoutToken(SimulatedApi.StableToken)) is { } refused)
            return WeChatReply.Error(refused);
        var token = tokens.IssueStable(body.ForceRefresh);
        stats.Count(body.ForceRefresh ? "tokens.issued.stable_token.forced" : "tokens.issued.stable_token");
        return WeChatReply.Json(new TokenIssued(token.Value, token.ExpiresIn));
    }

    private static WeChatFailure? CheckCredentials(SimulatorOptions account, string? grantType, string? appId, string? secret)
    {
        if (string.IsNullOrEmpty(appId)) return Failures.MissingAppId;
        if (string.IsNullOrEmpty(secret)) return Failures.MissingSecret;
        if (grantType != "client_credential") return Failures.InvalidGrantType;
        if (appId != account.AppId) return Failures.InvalidAppId;
        if (!Secrets.Equal(secret, account.AppSecret)) return Failures.InvalidAppSecret;
        return null;
    }

    private static async Task<StableTokenRequest?> ReadStableTokenRequest(HttpRequest request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<StableTokenRequest>(request.Body, SimulatorJson.WeChat, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public sealed record TokenIssued(string AccessToken, int ExpiresIn);

    public sealed record StableTokenRequest(
        [property: JsonPropertyName("grant_type")] string? GrantType,
        [property: JsonPropertyName("appid")] string? AppId,
        [property: JsonPropertyName("secret")] string? Secret,
        [property: JsonPropertyName("force_refresh")] bool ForceRefresh);
}
