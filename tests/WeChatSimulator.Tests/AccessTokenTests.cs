using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Menus;
using HospitalOrleans.WeChat.Tokens;
using HospitalOrleans.WeChatSimulator.Tests.Support;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class AccessTokenTests
{
    [Fact]
    public async Task NewTokenInvalidatesThePreviousOneAfterFiveMinutesOfOverlap()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var first = await sim.FetchTokenAsync();
        var second = await sim.FetchTokenAsync();

        Assert.NotEqual(first, second);
        Assert.True(first.Length >= 64);
        Assert.Equal(46003, (await MenuGet(sim, first)).ErrCode());

        sim.Clock.Advance(TimeSpan.FromMinutes(5));
        var stale = await MenuGet(sim, first);
        Assert.Equal(40001, stale.ErrCode());
        Assert.StartsWith("invalid credential, access_token is invalid or not latest", stale.GetProperty("errmsg").GetString());
        Assert.Equal(46003, (await MenuGet(sim, second)).ErrCode());
    }

    [Fact]
    public async Task TokenPastItsLifetimeIsRefusedAsExpired()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        sim.Clock.Advance(TimeSpan.FromSeconds(7200));

        Assert.Equal(42001, (await MenuGet(sim, token)).ErrCode());
    }

    [Fact]
    public async Task MalformedTokenIs40014AndMissingTokenIs41001()
    {
        await using var sim = await RunningSimulator.StartAsync();

        Assert.Equal(40014, (await MenuGet(sim, "not-a-token")).ErrCode());
        Assert.Equal(41001, (await sim.GetJsonAsync("cgi-bin/menu/get")).ErrCode());
    }

    [Theory]
    [InlineData("client_credential", "wx0000000000000000", null, 40013)]
    [InlineData("client_credential", null, "wrong-secret", 40001)]
    [InlineData("password", null, null, 40002)]
    public async Task TokenRequestWithWrongCredentialsIsRefused(string grantType, string? appId, string? secret, int errcode)
    {
        await using var sim = await RunningSimulator.StartAsync();
        var body = await sim.GetJsonAsync($"cgi-bin/token?grant_type={grantType}&appid={appId ?? sim.Account.AppId}&secret={secret ?? sim.Account.AppSecret}");

        Assert.Equal(errcode, body.ErrCode());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task StableTokenIsHandedOutAgainWhileValidAndForceRefreshReplacesIt()
    {
        await using var sim = await RunningSimulator.StartAsync();
        using var http = new HttpClient();
        var credentials = new WeChatCredentialsClient(http, Options.Create(sim.PlatformOptions()));

        var first = await credentials.FetchStableAccessTokenAsync(forceRefresh: false, default);
        sim.Clock.Advance(TimeSpan.FromMinutes(30));
        var again = await credentials.FetchStableAccessTokenAsync(forceRefresh: false, default);
        Assert.True(first.Ok && again.Ok);
        Assert.Equal(first.Value!.Value, again.Value!.Value);
        Assert.Equal(7200 - 30 * 60, again.Value.ExpiresIn);

        var forced = await credentials.FetchStableAccessTokenAsync(forceRefresh: true, default);
        Assert.NotEqual(first.Value.Value, forced.Value!.Value);
        Assert.Equal(40001, (await MenuGet(sim, first.Value.Value)).ErrCode());
        Assert.Equal(46003, (await MenuGet(sim, forced.Value.Value)).ErrCode());
    }

    [Fact]
    public async Task StableTokensLiveApartFromCgiBinTokens()
    {
        await using var sim = await RunningSimulator.StartAsync();
        using var http = new HttpClient();
        var credentials = new WeChatCredentialsClient(http, Options.Create(sim.PlatformOptions()));
        var stable = (await credentials.FetchStableAccessTokenAsync(false, default)).Value!.Value;

        await sim.FetchTokenAsync();
        await sim.FetchTokenAsync();
        sim.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(46003, (await MenuGet(sim, stable)).ErrCode());
    }

    [Fact]
    public async Task ExpireTokensFaultMakesEveryIssuedTokenExpired()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();

        await sim.PostJsonAsync("sim/api/faults", new { kind = "expire-tokens" });

        Assert.Equal(42001, (await MenuGet(sim, token)).ErrCode());
    }

    [Fact]
    public async Task LibraryClientRefreshesOnceAndRetriesWhenTheTokenIsRejected()
    {
        await using var sim = await RunningSimulator.StartAsync();
        using var http = new HttpClient();
        var options = Options.Create(sim.PlatformOptions());
        var credentials = new WeChatCredentialsClient(http, options);
        var cache = new TokenCache((_, ct) => credentials.FetchAccessTokenAsync(ct), sim.Clock, TimeSpan.FromMinutes(5));
        var api = new WeChatAccountApi(http, options, cache);
        Assert.True((await api.GetMenuAsync(default)).Ok);

        await sim.PostJsonAsync("sim/api/faults", new { kind = "reject-next", errcode = 40001, count = 1 });
        var created = await api.CreateMenuAsync(new Menu([MenuButton.Click("预约挂号", "BOOK")]), default);

        Assert.True(created.Ok, created.ToString());
        var stats = (await sim.GetJsonAsync("sim/api/stats")).GetProperty("counts");
        Assert.Equal(2, stats.GetProperty("tokens.issued.token").GetInt32());
        Assert.Equal(2, stats.GetProperty("calls.MenuCreate").GetInt32());
        Assert.Equal("预约挂号", (await api.GetMenuAsync(default)).Value!.Button[0].Name);
    }

    [Fact]
    public async Task BusyFaultAnswersSystemBusy()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        await sim.PostJsonAsync("sim/api/faults", new { kind = "busy-next", count = 1 });

        Assert.Equal(-1, (await MenuGet(sim, token)).ErrCode());
        Assert.Equal(46003, (await MenuGet(sim, token)).ErrCode());
    }

    private static Task<System.Text.Json.JsonElement> MenuGet(RunningSimulator sim, string token) =>
        sim.GetJsonAsync($"cgi-bin/menu/get?access_token={Uri.EscapeDataString(token)}");
}
