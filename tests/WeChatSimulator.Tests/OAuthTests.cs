using System.Net;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.OAuth;
using HospitalOrleans.WeChatSimulator.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class OAuthTests
{
    private const string Redirect = "http://127.0.0.1:5080/wechat/oauth/callback";

    [Fact]
    public async Task SimOpenIdSkipsThePageAndRedirectsWithCodeAndState()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var location = await AuthorizeAsync(sim, OAuthScope.Base, "abc123", "oScriptedUser0000000000000001");

        Assert.StartsWith(Redirect + "?code=", location);
        Assert.Equal("abc123", Query(location)["state"]);
    }

    [Fact]
    public async Task CodeExchangesOnceAndTheSecondUseIs40163()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var code = Query(await AuthorizeAsync(sim, OAuthScope.Base, "s", "oScriptedUser0000000000000001"))["code"];

        var first = await ExchangeAsync(sim, code!);
        Assert.Equal("oScriptedUser0000000000000001", first.GetProperty("openid").GetString());
        Assert.Equal("snsapi_base", first.GetProperty("scope").GetString());
        Assert.Equal(7200, first.GetProperty("expires_in").GetInt32());
        Assert.False(first.TryGetProperty("is_snapshotuser", out _));

        Assert.Equal(40163, (await ExchangeAsync(sim, code!)).ErrCode());
    }

    [Fact]
    public async Task CodeExpiresAfterFiveMinutes()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var code = Query(await AuthorizeAsync(sim, OAuthScope.Base, "s", "oScriptedUser0000000000000001"))["code"];
        sim.Clock.Advance(TimeSpan.FromSeconds(300));

        Assert.Equal(40029, (await ExchangeAsync(sim, code!)).ErrCode());
    }

    [Fact]
    public async Task UnknownCodeIs40029AndWrongSecretIs40001()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var code = Query(await AuthorizeAsync(sim, OAuthScope.Base, "s", "oScriptedUser0000000000000001"))["code"];

        Assert.Equal(40029, (await ExchangeAsync(sim, "no-such-code")).ErrCode());
        Assert.Equal(40001, (await ExchangeAsync(sim, code!, secret: "wrong")).ErrCode());
    }

    [Fact]
    public async Task LibraryExchangesTheCodeAndReadsUserInfoForUserInfoScope()
    {
        await using var sim = await RunningSimulator.StartAsync();
        using var http = new HttpClient();
        var credentials = new WeChatCredentialsClient(http, Options.Create(sim.PlatformOptions()));
        var url = WithoutFragment(OAuthUrls.Authorize(sim.PlatformOptions().ResolvedAuthorizeBaseUrl(), sim.Account.AppId, Redirect, OAuthScope.UserInfo, "st"))
            + "&sim_openid=oProfileUser00000000000000001&sim_nickname=" + Uri.EscapeDataString("李四");
        var location = await LocationAsync(sim, url);

        var token = await credentials.ExchangeOAuthCodeAsync(Query(location)["code"]!, default);
        Assert.True(token.Ok, token.ToString());
        var info = await credentials.GetOAuthUserInfoAsync(token.Value!.AccessToken, token.Value.OpenId, default);

        Assert.True(info.Ok, info.ToString());
        Assert.Equal("oProfileUser00000000000000001", info.Value!.OpenId);
        Assert.Equal("李四", info.Value.Nickname);
    }

    [Fact]
    public async Task UserInfoWithABaseScopeTokenIs48001()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var code = Query(await AuthorizeAsync(sim, OAuthScope.Base, "s", "oScriptedUser0000000000000001"))["code"];
        var token = await ExchangeAsync(sim, code!);

        var info = await sim.GetJsonAsync($"sns/userinfo?access_token={token.GetProperty("access_token").GetString()}&openid=oScriptedUser0000000000000001&lang=zh_CN");

        Assert.Equal(48001, info.ErrCode());
    }

    [Fact]
    public async Task SignInPageIsPrefilledWithTheLastOpenIdAndAllowingRedirectsWithACode()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var authorize = AuthorizePath(sim, OAuthScope.UserInfo, "xyz");
        using var page = new HttpRequestMessage(HttpMethod.Get, authorize);
        page.Headers.Add("Cookie", "sim_openid=oRememberedUser000000000000001");
        var html = await (await sim.Http.SendAsync(page)).Content.ReadAsStringAsync();

        Assert.Contains("以微信身份登录", html);
        Assert.Contains("data-testid=\"openid-input\"", html);
        Assert.Contains("value=\"oRememberedUser000000000000001\"", html);
        Assert.Contains("data-testid=\"nickname-input\"", html);

        var allowed = await DecideAsync(sim, "allow", "oRememberedUser000000000000001", "xyz");
        Assert.Equal("xyz", Query(allowed)["state"]);
        Assert.False(string.IsNullOrEmpty(Query(allowed)["code"]));

        var refused = await DecideAsync(sim, "deny", "oRememberedUser000000000000001", "xyz");
        Assert.Equal(Redirect + "?state=xyz", refused);
    }

    [Fact]
    public async Task WrongAppIdOrRelativeRedirectShowsAnErrorPage()
    {
        await using var sim = await RunningSimulator.StartAsync();

        var wrongApp = await sim.Http.GetAsync($"connect/oauth2/authorize?appid=wx0000000000000000&redirect_uri={Uri.EscapeDataString(Redirect)}&response_type=code&scope=snsapi_base");
        var relative = await sim.Http.GetAsync($"connect/oauth2/authorize?appid={sim.Account.AppId}&redirect_uri=%2Fcallback&response_type=code&scope=snsapi_base");

        Assert.Equal(HttpStatusCode.BadRequest, wrongApp.StatusCode);
        Assert.Contains("data-errcode=\"10003\"", await relative.Content.ReadAsStringAsync());
    }

    /// <summary>The library's authorize URL without its #wechat_redirect fragment, which never reaches a server.</summary>
    private static string AuthorizePath(RunningSimulator sim, OAuthScope scope, string state) =>
        WithoutFragment(OAuthUrls.Authorize(sim.BaseUrl, sim.Account.AppId, Redirect, scope, state));

    private static string WithoutFragment(string url) => url.Split('#')[0];

    private static Task<string> AuthorizeAsync(RunningSimulator sim, OAuthScope scope, string state, string openId) =>
        LocationAsync(sim, AuthorizePath(sim, scope, state) + "&sim_openid=" + openId);

    private static async Task<string> LocationAsync(RunningSimulator sim, string url)
    {
        using var response = await sim.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private static async Task<string> DecideAsync(RunningSimulator sim, string decision, string openId, string state)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["appid"] = sim.Account.AppId,
            ["redirect_uri"] = Redirect,
            ["response_type"] = "code",
            ["scope"] = "snsapi_userinfo",
            ["state"] = state,
            ["openid"] = openId,
            ["nickname"] = "王五",
            ["decision"] = decision,
        });
        using var response = await sim.Http.PostAsync("connect/oauth2/authorize/decide", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private static Task<System.Text.Json.JsonElement> ExchangeAsync(RunningSimulator sim, string code, string? secret = null) =>
        sim.GetJsonAsync($"sns/oauth2/access_token?appid={sim.Account.AppId}&secret={secret ?? sim.Account.AppSecret}&code={code}&grant_type=authorization_code");

    private static Dictionary<string, string?> Query(string location) =>
        QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
}
