using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.WebFront.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>WeChat web authorization end to end through the simulator: state, one-time codes, expiry.</summary>
[Collection(WeChatCollection.Name)]
public sealed class WeChatSignInTests(HospitalApp app)
{
    private static readonly HttpClient Simulator = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>Platform → WeChat authorize (as <paramref name="openId"/>) → the callback URL WeChat redirects to.</summary>
    private async Task<Uri> AuthorizeAsync(HttpClient platform, string openId, string returnUrl = "/me/bookings")
    {
        var start = await platform.GetAsync($"/signin/wechat?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.True(start.StatusCode == HttpStatusCode.Redirect, $"{start.StatusCode} {await start.Content.ReadAsStringAsync()}");
        var authorize = start.Headers.Location!.ToString();
        Assert.StartsWith($"{app.WeChat.BaseUrl}/connect/oauth2/authorize?appid=", authorize);
        Assert.EndsWith("#wechat_redirect", authorize);
        var asUser = authorize.Replace("#wechat_redirect", $"&sim_openid={openId}", StringComparison.Ordinal);
        var consent = await Simulator.GetAsync(asUser);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        return consent.Headers.Location!;
    }

    private static string PathAndQuery(Uri callback) => callback.PathAndQuery;

    [Fact]
    public async Task APatientSignsInThroughWeChatAndIsTiedToTheirOpenId()
    {
        using var platform = app.NewClient();
        var openId = WeChatWire.OpenId();
        var callback = await AuthorizeAsync(platform, openId);

        var landed = await platform.GetAsync(PathAndQuery(callback));

        // No card bound yet: binding comes first, then the page asked for.
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/me/patients?returnUrl=%2Fme%2Fbookings", landed.Headers.Location!.ToString());
        var me = await platform.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Contains("patient", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("patientId").ValueKind);
    }

    [Fact]
    public async Task TheSameOpenIdActsForItsDefaultPatientNextTime()
    {
        var openId = WeChatWire.OpenId();
        var (first, patientId) = await app.SignInThroughWeChatAsync(openId);
        first.Dispose();

        using var platform = app.NewClient();
        var landed = await platform.GetAsync(PathAndQuery(await AuthorizeAsync(platform, openId)));

        Assert.Equal("/me/bookings", landed.Headers.Location!.ToString());
        Assert.Equal(patientId, (await platform.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("patientId").GetString());
    }

    [Fact]
    public async Task ACallbackWhoseStateDoesNotMatchTheSessionIsRefused()
    {
        using var platform = app.NewClient();
        var callback = await AuthorizeAsync(platform, WeChatWire.OpenId());
        var query = HttpUtility.ParseQueryString(callback.Query);

        var forged = await platform.GetAsync($"/signin/wechat/callback?code={query["code"]}&state=forgedstate123");

        Assert.Equal("/signin?wechat=state", forged.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task ACallbackFromAnotherBrowserIsRefused()
    {
        using var victim = app.NewClient();
        var callback = await AuthorizeAsync(victim, WeChatWire.OpenId());
        using var attacker = app.NewClient();

        var stolen = await attacker.GetAsync(PathAndQuery(callback));

        Assert.Equal("/signin?wechat=state", stolen.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task ACodeWorksOnlyOnce()
    {
        using var platform = app.NewClient();
        var openId = WeChatWire.OpenId();
        var callback = await AuthorizeAsync(platform, openId);
        await platform.GetAsync(PathAndQuery(callback));
        var code = HttpUtility.ParseQueryString(callback.Query)["code"];

        using var second = app.NewClient();
        var again = HttpUtility.ParseQueryString((await AuthorizeAsync(second, openId)).Query)["state"];
        var reused = await second.GetAsync($"/signin/wechat/callback?code={code}&state={again}");

        Assert.Equal("/signin?wechat=expired", reused.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task ACodeOlderThanFiveMinutesIsRefused()
    {
        using var platform = app.NewClient();
        var callback = await AuthorizeAsync(platform, WeChatWire.OpenId());
        app.Time.Advance(TimeSpan.FromMinutes(6));

        var late = await platform.GetAsync(PathAndQuery(callback));

        Assert.Equal("/signin?wechat=expired", late.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task DecliningInWeChatSignsNobodyIn()
    {
        using var platform = app.NewClient();
        var callback = await AuthorizeAsync(platform, WeChatWire.OpenId());
        var state = HttpUtility.ParseQueryString(callback.Query)["state"];

        // WeChat sends only the state back when the user declines.
        var declined = await platform.GetAsync($"/signin/wechat/callback?state={state}");

        Assert.Equal("/signin?wechat=refused", declined.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AReturnUrlOffTheSiteIsIgnored()
    {
        using var platform = app.NewClient();
        var callback = await AuthorizeAsync(platform, WeChatWire.OpenId(), returnUrl: "//evil.example/phish");

        var landed = await platform.GetAsync(PathAndQuery(callback));

        Assert.Equal("/me/patients?returnUrl=%2F", landed.Headers.Location!.ToString());
    }
}
