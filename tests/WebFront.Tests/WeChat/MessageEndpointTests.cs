using System.Net;
using System.Text;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>
/// The account's server URL under attack and under WeChat's retries: only verified, fresh,
/// correctly encrypted messages for this appid do anything, and each is handled once.
/// </summary>
[Collection(WeChatCollection.Name)]
public sealed class MessageEndpointTests(HospitalApp app)
{
    private IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    private WeChatWire Wire() => new(app.Time.GetUtcNow());

    private async Task<bool> FollowsAsync(string openId) => (await Grains.WeChatUser(openId).GetAsync()).Following;

    private string Subscribe(WeChatWire wire, string openId, string? eventKey = null) =>
        InboundMessageXml.Event(DemoWeChat.OriginalId, openId, wire.CreateTime, "subscribe", eventKey);

    [Fact]
    public async Task AnswersWeChatsUrlVerificationWithTheEchoString()
    {
        using var client = app.NewClient();
        var wire = Wire();
        var signature = WeChatSignature.Server(DemoWeChat.Token, wire.Timestamp, wire.Nonce);

        var ok = await client.GetAsync($"/wechat?signature={signature}&timestamp={wire.Timestamp}&nonce={wire.Nonce}&echostr=hello123");
        var forged = await client.GetAsync($"/wechat?signature={new string('0', 40)}&timestamp={wire.Timestamp}&nonce={wire.Nonce}&echostr=hello123");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("hello123", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.DoesNotContain("hello123", await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AVerifiedFollowIsRecordedAndAnsweredWithAnEncryptedWelcome()
    {
        using var client = app.NewClient();
        var wire = Wire();
        var openId = WeChatWire.OpenId();

        var response = await client.SendAsync(wire.PostMessage(Subscribe(wire, openId), openId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = PassiveReply.Parse(wire.OpenReply(await response.Content.ReadAsStringAsync()));
        Assert.True(reply.Ok);
        Assert.Equal("text", reply.Value!.MsgType);
        Assert.Equal(openId, reply.Value.ToUserName);
        Assert.Equal(DemoWeChat.OriginalId, reply.Value.FromUserName);
        Assert.Contains("欢迎关注", reply.Value.Content);
        Assert.True(await FollowsAsync(openId));
    }

    [Fact]
    public async Task ARetriedMessageIsHandledOnceAndTheRetryGetsSuccess()
    {
        using var client = app.NewClient();
        var openId = WeChatWire.OpenId();
        var first = Wire();
        var xml = Subscribe(first, openId);
        (await client.SendAsync(first.PostMessage(xml, openId))).EnsureSuccessStatusCode();
        await client.SendAsync(Wire().PostMessage(InboundMessageXml.Event(DemoWeChat.OriginalId, openId, first.CreateTime + 1, "unsubscribe"), openId));
        Assert.False(await FollowsAsync(openId));

        // WeChat re-sends the same subscribe (same FromUserName + CreateTime) with a new nonce.
        var retry = await client.SendAsync(Wire().PostMessage(xml, openId));

        Assert.Equal("success", await retry.Content.ReadAsStringAsync());
        Assert.False(await FollowsAsync(openId));
    }

    [Fact]
    public async Task AReplayedRequestIsNotHandledAgain()
    {
        using var client = app.NewClient();
        var openId = WeChatWire.OpenId();
        var wire = Wire();
        var encrypt = wire.Encrypt(InboundMessageXml.Text(DemoWeChat.OriginalId, openId, wire.CreateTime, "挂号", 880001 + Random.Shared.Next(1_000_000)));
        var first = await client.SendAsync(wire.Post(encrypt, openId));

        var replay = await client.SendAsync(wire.Post(encrypt, openId));

        Assert.Contains("<Encrypt>", await first.Content.ReadAsStringAsync());
        Assert.Equal("success", await replay.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> Forgeries => ["bad-signature", "bad-msg-signature", "missing-signature", "stale", "future", "wrong-appid"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task AForgedOrStaleRequestIsRefusedAndChangesNothing(string forgery)
    {
        using var client = app.NewClient();
        var openId = WeChatWire.OpenId();
        var wire = Wire();
        if (forgery == "stale") wire.Timestamp = (wire.CreateTime - 301).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (forgery == "future") wire.Timestamp = (wire.CreateTime + 301).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var encrypt = wire.Encrypt(Subscribe(wire, openId), forgery == "wrong-appid" ? "wx0000000000000000" : DemoWeChat.AppId);
        var request = forgery switch
        {
            "bad-signature" => wire.Post(encrypt, openId, signature: new string('a', 40)),
            "bad-msg-signature" => wire.Post(encrypt, openId, msgSignature: new string('b', 40)),
            "missing-signature" => wire.Post(encrypt, openId, signature: ""),
            _ => wire.Post(encrypt, openId),
        };

        var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{forgery}: {response.StatusCode}");
        Assert.DoesNotContain("<Encrypt>", await response.Content.ReadAsStringAsync());
        Assert.False(await FollowsAsync(openId));
    }

    [Fact]
    public async Task ACiphertextWithBadPaddingIsRefused()
    {
        using var client = app.NewClient();
        var openId = WeChatWire.OpenId();
        var wire = Wire();
        var bytes = Convert.FromBase64String(wire.Encrypt(Subscribe(wire, openId)));
        bytes[^1] ^= 0x5A; // the last block now decrypts to garbage padding
        var encrypt = Convert.ToBase64String(bytes);

        var response = await client.SendAsync(wire.Post(encrypt, openId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await FollowsAsync(openId));
    }

    [Fact]
    public async Task XmlWithAnEntityTrickIsRefusedWithoutBeingExpanded()
    {
        using var client = app.NewClient();
        var openId = WeChatWire.OpenId();
        var wire = Wire();
        var hostile = "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + $"<xml><ToUserName><![CDATA[{DemoWeChat.OriginalId}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>"
            + $"<CreateTime>{wire.CreateTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";

        var response = await client.SendAsync(wire.PostMessage(hostile, openId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AHugeBodyIsRefusedBeforeItIsRead()
    {
        using var client = app.NewClient();
        var openId = WeChatWire.OpenId();
        var wire = Wire();
        var encrypt = wire.Encrypt(Subscribe(wire, openId));

        var response = await client.SendAsync(wire.Post(encrypt, openId, body: "<xml>" + new string('A', 200_000) + "</xml>"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await FollowsAsync(openId));
    }

    [Fact]
    public async Task MalformedXmlIsRefused()
    {
        using var client = app.NewClient();
        var wire = Wire();
        var openId = WeChatWire.OpenId();

        var response = await client.SendAsync(wire.PostMessage("<xml><ToUserName>unclosed", openId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ScanningADoctorsCodeAnswersWithTheDoctorsCardLinkingToTheDoctorsPage()
    {
        using var client = app.NewClient();
        var openId = WeChatWire.OpenId();
        var wire = Wire();

        var response = await client.SendAsync(wire.PostMessage(Subscribe(wire, openId, "qrscene_doctor:D001"), openId));

        var reply = PassiveReply.Parse(wire.OpenReply(await response.Content.ReadAsStringAsync())).Value!;
        Assert.Equal("news", reply.MsgType);
        Assert.Equal($"{app.BaseUrl}/doctors/D001", reply.Article!.Url);
        Assert.Equal("doctor:D001", (await Grains.WeChatUser(openId).GetAsync()).SubscribeScene);
    }

    [Fact]
    public async Task AFollowerScanningAnUnknownSceneIsToldTheCodeIsNotRecognised()
    {
        using var client = app.NewClient();
        var openId = WeChatWire.OpenId();
        var wire = Wire();
        var scan = InboundMessageXml.Event(DemoWeChat.OriginalId, openId, wire.CreateTime, "SCAN", "doctor:NOPE", "ticket-x");

        var response = await client.SendAsync(wire.PostMessage(scan, openId));

        var reply = PassiveReply.Parse(wire.OpenReply(await response.Content.ReadAsStringAsync())).Value!;
        Assert.Equal("text", reply.MsgType);
        Assert.Contains("未能识别", reply.Content);
    }
}
