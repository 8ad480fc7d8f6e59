using System.Globalization;
using System.Text;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Security;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>
/// Builds what WeChat sends to the account's server URL, in safe mode, with the demo account's
/// keys: the tests can then break one part at a time (signature, timestamp, appid, padding…).
/// </summary>
public sealed class WeChatWire(DateTimeOffset now)
{
    private static int _nonce;
    private readonly MessageCrypt _crypt = new(DemoWeChat.EncodingAesKey, DemoWeChat.AppId);

    public string Timestamp { get; set; } = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    public string Nonce { get; set; } = $"{Interlocked.Increment(ref _nonce)}{Random.Shared.Next(100000, 999999)}";
    public long CreateTime => now.ToUnixTimeSeconds();

    public static string OpenId() => "oTest" + Guid.NewGuid().ToString("N")[..23];

    public string Encrypt(string xml, string appId = DemoWeChat.AppId) =>
        appId == DemoWeChat.AppId ? _crypt.Encrypt(xml) : new MessageCrypt(DemoWeChat.EncodingAesKey, appId).Encrypt(xml);

    /// <summary>The full safe-mode request for an already encrypted body.</summary>
    public HttpRequestMessage Post(string encrypt, string openId, string? signature = null, string? msgSignature = null, string? body = null)
    {
        var query = $"signature={signature ?? WeChatSignature.Server(DemoWeChat.Token, Timestamp, Nonce)}&timestamp={Timestamp}&nonce={Nonce}"
            + $"&openid={openId}&encrypt_type=aes&msg_signature={msgSignature ?? WeChatSignature.Message(DemoWeChat.Token, Timestamp, Nonce, encrypt)}";
        return new HttpRequestMessage(HttpMethod.Post, "/wechat?" + query)
        {
            Content = new StringContent(body ?? EncryptedEnvelope.Build(DemoWeChat.OriginalId, encrypt), Encoding.UTF8, "text/xml"),
        };
    }

    public HttpRequestMessage PostMessage(string xml, string openId) => Post(Encrypt(xml), openId);

    /// <summary>Decrypts a passive reply after checking its signature, as WeChat does.</summary>
    public string OpenReply(string replyXml)
    {
        var parts = EncryptedReply.Read(replyXml);
        Assert.True(parts.Ok, $"Not an encrypted reply: {replyXml}");
        var p = parts.Value!;
        Assert.Equal(WeChatSignature.Message(DemoWeChat.Token, p.TimeStamp, p.Nonce, p.Encrypt), p.MsgSignature);
        var plain = _crypt.Decrypt(p.Encrypt);
        Assert.True(plain.Ok, $"Reply did not decrypt: {plain.Error}");
        return plain.Message!;
    }
}
