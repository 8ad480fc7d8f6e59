using System.Net;
using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChatSimulator.Tests.Support;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class QrCodeTests
{
    [Fact]
    public async Task ShowQrCodeIs404ForAnUnknownTicketAndAPngForARealOne()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        var created = await sim.PostJsonAsync($"cgi-bin/qrcode/create?access_token={token}",
            """{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"doctor-42"}}}""");
        var ticket = created.GetProperty("ticket").GetString()!;

        Assert.False(created.TryGetProperty("expire_seconds", out _));
        Assert.StartsWith(sim.BaseUrl + "/q/", created.GetProperty("url").GetString());
        var unknown = await sim.Http.GetAsync("cgi-bin/showqrcode?ticket=gQnothing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var image = await sim.Http.GetAsync($"cgi-bin/showqrcode?ticket={Uri.EscapeDataString(ticket)}");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await image.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task TemporaryCodeExpires()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        var created = await sim.PostJsonAsync($"cgi-bin/qrcode/create?access_token={token}",
            """{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":7}}}""");
        Assert.Equal(60, created.GetProperty("expire_seconds").GetInt32());

        sim.Clock.Advance(TimeSpan.FromSeconds(60));

        var image = await sim.Http.GetAsync($"cgi-bin/showqrcode?ticket={Uri.EscapeDataString(created.GetProperty("ticket").GetString()!)}");
        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
    }

    [Theory]
    [InlineData("""{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":100001}}}""")]
    [InlineData("""{"expire_seconds":2592001,"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_str":"x"}}}""")]
    [InlineData("""{"action_name":"QR_FOREVER","action_info":{"scene":{"scene_id":1}}}""")]
    public async Task CodeOutsideWeChatsBoundsIsRefused(string request)
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();

        Assert.Equal(40035, (await sim.PostJsonAsync($"cgi-bin/qrcode/create?access_token={token}", request)).ErrCode());
    }

    [Fact]
    public async Task ScanningSubscribesANewUserWithTheSceneAndSendsScanForAFollower()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        var token = await sim.FetchTokenAsync();
        var ticket = (await sim.PostJsonAsync($"cgi-bin/qrcode/create?access_token={token}",
            """{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"doctor-42"}}}""")).GetProperty("ticket").GetString();

        await sim.PostJsonAsync("sim/api/users/oScanner0000000000000000000001/scan", new { ticket });
        await sim.PostJsonAsync("sim/api/users/oScanner0000000000000000000001/scan", new { ticket });

        var messages = platform.Received.Select(p => p.Message).ToList();
        Assert.Equal(InboundKind.Subscribe, messages[0].Kind);
        Assert.Equal("qrscene_doctor-42", messages[0].EventKey);
        Assert.Equal(ticket, messages[0].Ticket);
        Assert.Equal(InboundKind.Scan, messages[1].Kind);
        Assert.Equal("doctor-42", messages[1].EventKey);
    }

    [Fact]
    public async Task OpeningTheCodesUrlScansAsTheBrowsersCurrentUser()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        var token = await sim.FetchTokenAsync();
        var url = (await sim.PostJsonAsync($"cgi-bin/qrcode/create?access_token={token}",
            """{"expire_seconds":600,"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_str":"clinic-3"}}}""")).GetProperty("url").GetString()!;

        using var scan = new HttpRequestMessage(HttpMethod.Get, url);
        scan.Headers.Add("Cookie", "sim_openid=oBrowserUser000000000000000001");
        using var response = await sim.Http.SendAsync(scan);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var push = Assert.Single(platform.Received);
        Assert.Equal("oBrowserUser000000000000000001", push.Message.FromUserName);
        Assert.Equal("qrscene_clinic-3", push.Message.EventKey);
    }
}
