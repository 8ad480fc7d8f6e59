using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.WeChat.OAuth;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Api;

/// <summary>
/// The calls that take the AppSecret or a user's OAuth token rather than the account's
/// access_token: fetching the access_token itself, the OAuth code exchange, user info and the
/// JS-SDK ticket.
/// </summary>
public sealed class WeChatCredentialsClient(HttpClient http, IOptions<WeChatOptions> options)
{
    private WeChatOptions Settings => options.Value;

    private string Api(string pathAndQuery) => $"{Settings.ApiBaseUrl.TrimEnd('/')}/{pathAndQuery}";

    /// <summary><c>GET cgi-bin/token</c>. Each call invalidates the previous token after a five-minute overlap.</summary>
    public async Task<ApiResult<AccessToken>> FetchAccessTokenAsync(CancellationToken ct)
    {
        var url = Api($"cgi-bin/token?grant_type=client_credential&appid={Escape(Settings.AppId)}&secret={Escape(Settings.AppSecret)}");
        var result = await WeChatHttp.GetAsync(http, url, ct).ConfigureAwait(false);
        return WeChatHttp.As<AccessToken>(result, IsComplete, "the access_token answer");
    }

    /// <summary>
    /// <c>POST cgi-bin/stable_token</c>: returns the still-valid token unless
    /// <paramref name="forceRefresh"/>, so independent servers do not overwrite each other.
    /// </summary>
    public async Task<ApiResult<AccessToken>> FetchStableAccessTokenAsync(bool forceRefresh, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(
            new StableTokenRequest("client_credential", Settings.AppId, Settings.AppSecret, forceRefresh),
            WeChatJson.Options);
        var result = await WeChatHttp.PostJsonAsync(http, Api("cgi-bin/stable_token"), body, ct).ConfigureAwait(false);
        return WeChatHttp.As<AccessToken>(result, IsComplete, "the stable_token answer");
    }

    /// <summary><c>GET sns/oauth2/access_token</c>: a code (single use, five minutes) for the user's OpenID and OAuth token.</summary>
    public async Task<ApiResult<OAuthToken>> ExchangeOAuthCodeAsync(string code, CancellationToken ct)
    {
        var url = Api($"sns/oauth2/access_token?appid={Escape(Settings.AppId)}&secret={Escape(Settings.AppSecret)}&code={Escape(code)}&grant_type=authorization_code");
        var result = await WeChatHttp.GetAsync(http, url, ct).ConfigureAwait(false);
        return WeChatHttp.As<OAuthToken>(
            result,
            token => !string.IsNullOrEmpty(token.AccessToken) && !string.IsNullOrEmpty(token.OpenId),
            "the OAuth token answer");
    }

    /// <summary><c>GET sns/userinfo</c> with the user's OAuth token (snsapi_userinfo only).</summary>
    public async Task<ApiResult<OAuthUserInfo>> GetOAuthUserInfoAsync(string oauthAccessToken, string openId, CancellationToken ct)
    {
        var url = Api($"sns/userinfo?access_token={Escape(oauthAccessToken)}&openid={Escape(openId)}&lang=zh_CN");
        var result = await WeChatHttp.GetAsync(http, url, ct).ConfigureAwait(false);
        return WeChatHttp.As<OAuthUserInfo>(result, info => !string.IsNullOrEmpty(info.OpenId), "the user info answer");
    }

    /// <summary><c>GET cgi-bin/ticket/getticket?type=jsapi</c>; the quota is small, so cache the ticket.</summary>
    public async Task<ApiResult<JsApiTicket>> FetchJsApiTicketAsync(string accessToken, CancellationToken ct)
    {
        var url = Api($"cgi-bin/ticket/getticket?access_token={Escape(accessToken)}&type=jsapi");
        var result = await WeChatHttp.GetAsync(http, url, ct).ConfigureAwait(false);
        return WeChatHttp.As<JsApiTicket>(result, ticket => !string.IsNullOrEmpty(ticket.Ticket) && ticket.ExpiresIn > 0, "the jsapi_ticket answer");
    }

    private static bool IsComplete(AccessToken token) => !string.IsNullOrEmpty(token.Value) && token.ExpiresIn > 0;

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private sealed record StableTokenRequest(
        [property: JsonPropertyName("grant_type")] string GrantType,
        [property: JsonPropertyName("appid")] string AppId,
        [property: JsonPropertyName("secret")] string Secret,
        [property: JsonPropertyName("force_refresh")] bool ForceRefresh)
    {
        public override string ToString() => "StableTokenRequest { … }";
    }
}
