using System.Security.Cryptography;
using System.Text.Json.Serialization;
using HospitalOrleans.WeChat.Security;

namespace HospitalOrleans.WeChat.JsSdk;

/// <summary>The values a page passes to <c>wx.config</c>; JSON names are the ones wx.config takes.</summary>
public sealed record JsSdkConfig(
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("nonceStr")] string NonceStr,
    [property: JsonPropertyName("signature")] string Signature)
{
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int NonceLength = 16;

    /// <summary>Signs <paramref name="url"/> (the page's full URL; anything after '#' is ignored) now, with a fresh nonce.</summary>
    public static JsSdkConfig Create(string appId, string ticket, string url, TimeProvider time) =>
        Create(appId, ticket, url, time.GetUtcNow().ToUnixTimeSeconds(), RandomNumberGenerator.GetString(NonceAlphabet, NonceLength));

    /// <summary>Signs with the given timestamp and nonce; for reproducible tests.</summary>
    public static JsSdkConfig Create(string appId, string ticket, string url, long timestamp, string nonceStr) =>
        new(appId, timestamp, nonceStr, WeChatSignature.JsSdk(ticket, nonceStr, timestamp, url));
}
