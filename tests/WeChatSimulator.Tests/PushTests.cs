using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChatSimulator.Tests.Support;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class PushTests
{
    private const string OpenId = "oPatient00000000000000000000001";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PushVerifiesWithTheLibrarysGateAndTheReplyIsRecordedInTheChat(bool safeMode)
    {
        await using var sim = await RunningSimulator.StartAsync(new Dictionary<string, string> { ["SafeMode"] = safeMode.ToString() });
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        platform.Reply = m => m.Kind == InboundKind.Text ? PassiveReply.Text(m.FromUserName, m.ToUserName, m.CreateTime, $"收到：{m.Content}") : PassiveReply.Success;
        await sim.FollowerAsync(OpenId);

        var outcome = await sim.PostJsonAsync($"sim/api/users/{OpenId}/text", new { content = "挂号" });

        var push = platform.Received.Last();
        Assert.True(push.Verdict.Accepted, $"{push.Verdict.Refusal}: {push.Verdict.Detail}");
        Assert.Equal(safeMode ? "aes" : null, push.Query.EncryptType);
        Assert.Equal(safeMode, push.Query.MsgSignature is not null);
        Assert.Equal(safeMode, push.Body.Contains("<Encrypt>"));
        Assert.Equal(OpenId, push.Query.OpenId);
        Assert.Equal("挂号", push.Message.Content);
        Assert.Equal("gh_hospitaldemo", push.Message.ToUserName);
        Assert.NotNull(push.Message.MsgId);
        Assert.Equal(1, outcome.GetProperty("attempts").GetInt32());
        var chat = (await sim.GetJsonAsync($"sim/api/users/{OpenId}/chat")).EnumerateArray().ToList();
        Assert.Equal(("out", "text", "收到：挂号"),
            (chat[^1].GetProperty("direction").GetString(), chat[^1].GetProperty("kind").GetString(), chat[^1].GetProperty("content").GetString()));
    }

    [Fact]
    public async Task NewsReplyToAMenuClickIsRecordedAsACard()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        platform.Reply = m => m.Kind != InboundKind.Click ? PassiveReply.Success
            : PassiveReply.News(m.FromUserName, m.ToUserName, m.CreateTime, new NewsArticle("预约挂号", "选择科室与医生", "", "http://127.0.0.1:5080/book"));
        await sim.FollowerAsync(OpenId);

        await sim.PostJsonAsync($"sim/api/users/{OpenId}/click", new { key = "BOOK" });

        Assert.Equal("BOOK", platform.Received.Last().Message.EventKey);
        var last = (await sim.GetJsonAsync($"sim/api/users/{OpenId}/chat")).EnumerateArray().Last();
        Assert.Equal("news", last.GetProperty("kind").GetString());
        Assert.Equal("http://127.0.0.1:5080/book", last.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ReplyWithABadMsgSignatureShowsTheServiceUnavailableLine()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        platform.Reply = m => PassiveReply.Text(m.FromUserName, m.ToUserName, m.CreateTime, "hi");
        platform.TamperWith = sealedReply => System.Text.RegularExpressions.Regex.Replace(
            sealedReply, "<MsgSignature><!\\[CDATA\\[[0-9a-f]+\\]\\]></MsgSignature>", "<MsgSignature><![CDATA[0000000000000000000000000000000000000000]]></MsgSignature>");
        await sim.FollowerAsync(OpenId);

        await sim.PostJsonAsync($"sim/api/users/{OpenId}/text", new { content = "你好" });

        var last = (await sim.GetJsonAsync($"sim/api/users/{OpenId}/chat")).EnumerateArray().Last();
        Assert.Equal("error", last.GetProperty("kind").GetString());
        Assert.Equal("该公众号暂时无法提供服务，请稍后再试", last.GetProperty("content").GetString());
    }

    [Fact]
    public async Task FailingEndpointIsTriedThreeTimesWithTheSameMessage()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        await sim.FollowerAsync(OpenId);
        platform.Received.Clear();
        platform.FailFirst = int.MaxValue;

        var outcome = await sim.PostJsonAsync($"sim/api/users/{OpenId}/text", new { content = "在吗" });

        Assert.Equal(3, outcome.GetProperty("attempts").GetInt32());
        Assert.False(outcome.GetProperty("delivered").GetBoolean());
        var tries = platform.Received.Select(p => p.Message).ToList();
        Assert.Equal(3, tries.Count);
        Assert.Single(tries.Select(m => (m.MsgId, m.CreateTime)).Distinct());
        Assert.Equal(3, platform.Received.Select(p => p.Query.Nonce).Distinct().Count());
        var last = (await sim.GetJsonAsync($"sim/api/users/{OpenId}/chat")).EnumerateArray().Last();
        Assert.Equal("error", last.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task SlowEndpointIsRetriedAfterTheTimeoutAndTheThirdTryIsAnswered()
    {
        await using var sim = await RunningSimulator.StartAsync(new Dictionary<string, string> { ["PushTimeoutSeconds"] = "0.5" });
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        platform.Reply = m => m.Kind == InboundKind.Text ? PassiveReply.Text(m.FromUserName, m.ToUserName, m.CreateTime, "稍等") : PassiveReply.Success;
        await sim.FollowerAsync(OpenId);
        platform.Received.Clear();
        platform.DelayFirst = TimeSpan.FromSeconds(2);
        platform.DelayedPosts = platform.Posts + 2;

        var outcome = await sim.PostJsonAsync($"sim/api/users/{OpenId}/text", new { content = "挂号" });

        Assert.Equal(3, outcome.GetProperty("attempts").GetInt32());
        Assert.True(outcome.GetProperty("delivered").GetBoolean());
        Assert.Equal(3, platform.Received.Count);
        Assert.Single(platform.Received.Select(p => (p.Message.MsgId, p.Message.CreateTime)).Distinct());
        var chat = (await sim.GetJsonAsync($"sim/api/users/{OpenId}/chat")).EnumerateArray();
        Assert.Single(chat, e => e.TryGetProperty("content", out var c) && c.GetString() == "稍等");
    }

    [Fact]
    public async Task DroppedReplyMakesWeChatRetry()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        await sim.FollowerAsync(OpenId);
        await sim.PostJsonAsync("sim/api/faults", new { kind = "drop-replies", count = 1 });

        var outcome = await sim.PostJsonAsync($"sim/api/users/{OpenId}/click", new { key = "BOOK" });

        Assert.Equal(2, outcome.GetProperty("attempts").GetInt32());
        Assert.True(outcome.GetProperty("delivered").GetBoolean());
    }

    [Fact]
    public async Task UrlVerificationReportsTheEchoedEchostr()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);

        var check = await sim.PostJsonAsync("sim/api/verify-url", new { });

        Assert.True(check.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task UnfollowedUserCannotSendAndFollowPushesSubscribe()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        await sim.PostJsonAsync("sim/api/users", new { openId = OpenId });

        using var refused = await sim.Http.PostAsync($"sim/api/users/{OpenId}/text", System.Net.Http.Json.JsonContent.Create(new { content = "x" }));
        await sim.PostJsonAsync($"sim/api/users/{OpenId}/follow", new { });
        await sim.PostJsonAsync($"sim/api/users/{OpenId}/unfollow", new { });

        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal([InboundKind.Subscribe, InboundKind.Unsubscribe], platform.Received.Select(p => p.Message.Kind));
    }

    [Fact]
    public async Task ScanCodePushCarriesTheButtonKeyAndTheScanResult()
    {
        await using var sim = await RunningSimulator.StartAsync();
        await using var platform = await FakePlatform.StartAsync(sim.PlatformOptions(), sim.Clock);
        sim.PushTo(platform);
        await sim.FollowerAsync(OpenId);

        await sim.PostJsonAsync($"sim/api/users/{OpenId}/scancode-push", new { key = "SCAN_CARD", result = "CARD-0001" });

        var message = platform.Received.Last().Message;
        Assert.Equal(InboundKind.ScanCodePush, message.Kind);
        Assert.Equal(("SCAN_CARD", "qrcode", "CARD-0001"), (message.EventKey, message.ScanType, message.ScanResult));
    }
}
