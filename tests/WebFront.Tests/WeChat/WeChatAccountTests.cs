using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>The account as a WeChat user meets it, driven through the simulator: follow, menu, scan, notices.</summary>
[Collection(WeChatCollection.Name)]
public sealed class WeChatAccountTests(HospitalApp app)
{
    private IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task FollowingThroughTheSimulatorShowsTheWelcomeInTheChat()
    {
        var openId = WeChatWire.OpenId();

        (await app.ActAsync(openId, "follow")).EnsureSuccessStatusCode();

        var chat = await app.ChatAsync(openId);
        Assert.Contains(chat, e => e.Direction == ChatEntry.Out && e.Kind == ChatKinds.Text && e.Content!.Contains("欢迎关注"));
        Assert.True((await Grains.WeChatUser(openId).GetAsync()).Following);
    }

    [Fact]
    public async Task TappingNavigationInTheMenuAnswersWithTheWayToTheHospital()
    {
        var openId = WeChatWire.OpenId();
        await app.ActAsync(openId, "follow");

        (await app.ActAsync(openId, "click", new { key = "navigation" })).EnsureSuccessStatusCode();

        Assert.Contains(await app.ChatAsync(openId), e => e.Direction == ChatEntry.Out && e.Content?.Contains("医院地址") == true);
    }

    [Fact]
    public async Task ScanningADoctorsPermanentCodeInTheSimulatorOpensTheDoctorsCard()
    {
        using var ops = await app.SignedInStaff("ops1");
        var code = await ops.GetFromJsonAsync<JsonElement>("/api/wechat/doctors/D005/qrcode");
        var ticket = code.GetProperty("ticket").GetString()!;
        Assert.Equal("doctor:D005", code.GetProperty("scene").GetString());
        var again = await ops.GetFromJsonAsync<JsonElement>("/api/wechat/doctors/D005/qrcode");
        Assert.Equal(ticket, again.GetProperty("ticket").GetString()); // created once, remembered
        var openId = WeChatWire.OpenId();

        (await app.ActAsync(openId, "follow", new { ticket })).EnsureSuccessStatusCode();

        var card = Assert.Single(await app.ChatAsync(openId), e => e.Direction == ChatEntry.Out && e.Kind == ChatKinds.News);
        Assert.Equal($"{app.BaseUrl}/doctors/D005", card.Url);
        var png = await ops.GetAsync("/api/wechat/doctors/D005/qrcode.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AConfirmedBookingSendsOneTemplateNoticeToThePatientsWeChat()
    {
        var openId = WeChatWire.OpenId();
        await app.ActAsync(openId, "follow");
        var (patient, patientId) = await app.SignInThroughWeChatAsync(openId);
        using var _ = patient;
        var pool = (await Api.BookablePool(patient, 4, 5)).GetProperty("poolId").GetString();
        var booking = await (await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId, requestId = "wx-1" })).Json();
        var bookingId = booking.GetProperty("bookingId").GetString()!;

        await app.PayAsync(patient, $"/api/bookings/{bookingId}/payment");

        var chat = await WeChatSteps.EventuallyAsync(() => app.ChatAsync(openId), c => c.Exists(e => e.Kind == ChatKinds.Template), "the confirmation notice");
        var notice = Assert.Single(chat, e => e.Kind == ChatKinds.Template);
        Assert.Equal("demo_booking_confirmed", notice.TemplateId);
        Assert.Equal($"{app.BaseUrl}/bookings/{bookingId}", notice.Url);
        Assert.Equal($"{booking.GetProperty("serial").GetInt32()}号", notice.Data!["character_string3"]);
        var delivered = await WeChatSteps.EventuallyAsync(() => Grains.WeChatUser(openId).GetAsync(),
            v => v.Notices.Any(n => n.Status == "Delivered"), "the delivery report");
        Assert.Equal(1, Assert.Single(delivered.Notices).Attempts);
    }

    [Fact]
    public async Task AnUnpaidHoldThatExpiresTellsThePatientItWasReleased()
    {
        var openId = WeChatWire.OpenId();
        await app.ActAsync(openId, "follow");
        var (patient, patientId) = await app.SignInThroughWeChatAsync(openId);
        using var _ = patient;
        var pool = (await Api.BookablePool(patient, 5, 6)).GetProperty("poolId").GetString()!;
        (await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId, requestId = "wx-2" })).EnsureSuccessStatusCode();

        app.Time.Advance(TimeSpan.FromMinutes(16));
        await Grains.GetGrain<GrainInterfaces.Pools.INumberPoolGrain>(pool).SweepAsync();

        var chat = await WeChatSteps.EventuallyAsync(() => app.ChatAsync(openId), c => c.Exists(e => e.Kind == ChatKinds.Template), "the release notice");
        Assert.Equal("demo_booking_released", Assert.Single(chat, e => e.Kind == ChatKinds.Template).TemplateId);
    }

    [Fact]
    public async Task AMenuOverWeChatsLimitsIsRefusedWithTheReason()
    {
        using var ops = await app.SignedInStaff("ops1");
        var tooMany = new
        {
            button = Enumerable.Range(1, 4).Select(i => new { type = "click", name = $"项{i}", key = $"k{i}" }).ToArray(),
        };

        var response = await ops.PostAsJsonAsync("/api/wechat/menu/versions", tooMany);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "invalid-menu");
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "TooManyTopLevel");
    }

    [Fact]
    public async Task AMenuIsPublishedReadBackAndRolledBack()
    {
        using var ops = await app.SignedInStaff("ops1");
        var menu = new
        {
            button = new object[]
            {
                new { type = "view", name = "预约挂号", url = $"{app.BaseUrl}/" },
                new { name = "服务", sub_button = new[] { new { type = "click", name = "来院导航", key = "navigation" } } },
            },
        };
        var savedResponse = await ops.PostAsJsonAsync("/api/wechat/menu/versions", menu);
        Assert.True(savedResponse.IsSuccessStatusCode, await savedResponse.Content.ReadAsStringAsync());
        var saved = await savedResponse.Json();
        var version = saved.GetProperty("version").GetInt32();
        var before = (await ops.GetFromJsonAsync<JsonElement>("/api/wechat/menu")).GetProperty("publishedVersion");

        (await ops.PostAsync($"/api/wechat/menu/versions/{version}/publish", null)).EnsureSuccessStatusCode();

        var published = await app.WeChat.Client.GetFromJsonAsync<JsonElement>("/sim/api/menu");
        var buttons = published.GetProperty("button");
        Assert.Equal(2, buttons.GetArrayLength());
        Assert.Equal("来院导航", buttons[1].GetProperty("sub_button")[0].GetProperty("name").GetString());

        var older = before.ValueKind == JsonValueKind.Number ? before.GetInt32() : 1;
        (await ops.PostAsync($"/api/wechat/menu/versions/{older}/publish", null)).EnsureSuccessStatusCode();
        var book = await ops.GetFromJsonAsync<JsonElement>("/api/wechat/menu");
        Assert.Equal(older, book.GetProperty("publishedVersion").GetInt32());
        Assert.Equal(3, (await app.WeChat.Client.GetFromJsonAsync<JsonElement>("/sim/api/menu")).GetProperty("button").GetArrayLength());
    }

    [Fact]
    public async Task PatientsCannotEditTheMenu()
    {
        var (patient, _) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        using var __ = patient;

        var response = await patient.PostAsJsonAsync("/api/wechat/menu/versions", new { button = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ManyCallersReportingTheSameRejectedTokenCauseOneRefresh()
    {
        var credentials = Grains.GetGrain<IWeChatCredentialsGrain>(0);
        var token = (await credentials.GetAccessTokenAsync()).Value!;
        var before = await ForcedFetchesAsync();

        var leases = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => credentials.ReportRejectedTokenAsync(token)));

        Assert.Equal(before + 1, await ForcedFetchesAsync());
        var fresh = Assert.Single(leases.Select(l => l.Value).Distinct());
        Assert.NotEqual(token, fresh);
    }

    [Fact]
    public async Task TheJsSdkConfigurationIsSignedWithTheTicket()
    {
        using var client = app.NewClient();

        var config = await client.GetFromJsonAsync<JsonElement>($"/api/wechat/jssdk-config?url={Uri.EscapeDataString(app.BaseUrl + "/doctors/D001?x=1")}");
        var bad = await client.GetAsync("/api/wechat/jssdk-config?url=not-a-url");

        Assert.Equal(HospitalOrleans.Tests.Shared.DemoWeChat.AppId, config.GetProperty("appId").GetString());
        Assert.Equal(40, config.GetProperty("signature").GetString()!.Length);
        await bad.AssertProblem(HttpStatusCode.BadRequest);
    }

    private async Task<int> ForcedFetchesAsync()
    {
        var stats = await app.WeChat.Client.GetFromJsonAsync<JsonElement>("/sim/api/stats");
        return stats.GetProperty("counts").TryGetProperty("calls.StableToken", out var n) ? n.GetInt32() : 0;
    }
}
