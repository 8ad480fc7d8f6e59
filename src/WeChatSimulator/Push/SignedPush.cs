using System.Globalization;
using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace HospitalOrleans.WeChatSimulator.Push;

/// <summary>
/// One POST to the platform as WeChat makes it: <c>signature</c>, <c>timestamp</c>, <c>nonce</c> and <c>openid</c>
/// in the query, and in safe mode <c>encrypt_type=aes</c>, <c>msg_signature</c> and the encrypted envelope as body.
/// </summary>
public sealed record SignedPush(string Url, string Body)
{
    public static SignedPush Seal(SimulatorOptions account, MessageCrypt crypt, string openId, string xml, long timestamp, string nonce)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var query = new List<KeyValuePair<string, string?>>
        {
            new("signature", WeChatSignature.Server(account.Token, ts, nonce)),
            new("timestamp", ts),
            new("nonce", nonce),
            new("openid", openId),
        };
        if (!account.SafeMode) return new SignedPush(QueryHelpers.AddQueryString(account.PlatformUrl, query), xml);

        var encrypt = crypt.Encrypt(xml);
        query.Add(new("encrypt_type", "aes"));
        query.Add(new("msg_signature", WeChatSignature.Message(account.Token, ts, nonce, encrypt)));
        return new SignedPush(QueryHelpers.AddQueryString(account.PlatformUrl, query), EncryptedEnvelope.Build(account.OriginalId, encrypt));
    }
}
