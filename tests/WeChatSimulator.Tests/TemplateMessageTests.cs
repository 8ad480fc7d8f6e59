using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChatSimulator.Tests.Support;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class TemplateMessageTests
{
    private const string TemplateId = "TMPL_booking_confirmed_01";

    [Fact]
    public async Task TemplateToSomeoneWhoDoesNotFollowIs43004()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        await sim.PostJsonAsync("sim/api/users", new { openId = "oStranger000000000000000000001" });

        var answer = await SendAsync(sim, token, "oStranger000000000000000000001", clientMsgId: null);

        Assert.Equal(43004, answer.ErrCode());
    }

    [Fact]
    public async Task SameClientMsgIdIsDeliveredOnceAndEveryAttemptIsCounted()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        var openId = await sim.FollowerAsync("oFollower000000000000000000001");

        var first = await SendAsync(sim, token, openId, "booking-42");
        var second = await SendAsync(sim, token, openId, "booking-42");

        Assert.Equal(0, first.ErrCode());
        Assert.Equal(first.GetProperty("msgid").GetInt64(), second.GetProperty("msgid").GetInt64());
        var chat = await sim.GetJsonAsync($"sim/api/users/{openId}/chat");
        var templates = chat.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "template").ToList();
        Assert.Single(templates);
        Assert.Equal("张医生", templates[0].GetProperty("data").GetProperty("keyword1").GetString());
        Assert.Equal(2, (await sim.GetJsonAsync("sim/api/templates/attempts?clientMsgId=booking-42")).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task AttemptRefusedForItsTokenStillCounts()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        var openId = await sim.FollowerAsync("oFollower000000000000000000002");
        await sim.PostJsonAsync("sim/api/faults", new { kind = "reject-next", errcode = 42001 });

        Assert.Equal(42001, (await SendAsync(sim, token, openId, "booking-43")).ErrCode());
        Assert.Equal(0, (await SendAsync(sim, token, openId, "booking-43")).ErrCode());
        Assert.Equal(2, (await sim.GetJsonAsync("sim/api/templates/attempts?clientMsgId=booking-43")).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task TemplateIdOutsideTheConfiguredListIs40037()
    {
        await using var sim = await RunningSimulator.StartAsync(new Dictionary<string, string> { ["Templates:0"] = "TMPL_only_this_one" });
        var token = await sim.FetchTokenAsync();
        var openId = await sim.FollowerAsync("oFollower000000000000000000003");

        Assert.Equal(40037, (await SendAsync(sim, token, openId, null)).ErrCode());
    }

    [Fact]
    public async Task DeliveryReportIsPushedToThePlatform()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        var token = await sim.FetchTokenAsync();
        var openId = await sim.FollowerAsync("oFollower000000000000000000004");

        var msgId = (await SendAsync(sim, token, openId, null)).GetProperty("msgid").GetInt64();
        var report = await platform.WaitForAsync(p => p.Verdict.Message?.Kind == InboundKind.TemplateSendJobFinish);

        Assert.True(report.Verdict.Accepted);
        Assert.Equal(msgId, report.Message.MsgId);
        Assert.Equal("success", report.Message.Status);
        Assert.Equal(openId, report.Message.FromUserName);
    }

    private static Task<System.Text.Json.JsonElement> SendAsync(RunningSimulator sim, string token, string openId, string? clientMsgId) =>
        sim.PostJsonAsync($"cgi-bin/message/template/send?access_token={token}", new Dictionary<string, object?>
        {
            ["touser"] = openId,
            ["template_id"] = TemplateId,
            ["url"] = "http://127.0.0.1:5080/me/bookings",
            ["client_msg_id"] = clientMsgId,
            ["data"] = new Dictionary<string, object> { ["keyword1"] = new { value = "张医生" }, ["keyword2"] = new { value = "6月2日 上午" } },
        });
}
