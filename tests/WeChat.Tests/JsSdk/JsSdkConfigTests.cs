using System.Text.Json;
using HospitalOrleans.WeChat.JsSdk;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WeChat.Tests.JsSdk;

public sealed class JsSdkConfigTests
{
    [Fact]
    public void SignsTheOfficialExample()
    {
        var config = JsSdkConfig.Create("wx2c2769f8efd9abc2", JsSdkVector.Ticket, "http://mp.weixin.qq.com?params=value", JsSdkVector.Timestamp, JsSdkVector.NonceStr);

        Assert.Equal("0f9de62fce790f9a083d5c99e95740ceb90c27ed", config.Signature);
    }

    [Fact]
    public void SignsWithTheClockAndAFreshNonce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(JsSdkVector.Timestamp));

        var first = JsSdkConfig.Create("wx2c2769f8efd9abc2", JsSdkVector.Ticket, "https://h.example/booking#top", time);
        var second = JsSdkConfig.Create("wx2c2769f8efd9abc2", JsSdkVector.Ticket, "https://h.example/booking#top", time);

        Assert.Equal(JsSdkVector.Timestamp, first.Timestamp);
        Assert.Equal(16, first.NonceStr.Length);
        Assert.NotEqual(first.NonceStr, second.NonceStr);
        Assert.Equal(WeChatSignature.JsSdk(JsSdkVector.Ticket, first.NonceStr, first.Timestamp, "https://h.example/booking"), first.Signature);
    }

    [Fact]
    public void SerializesUnderTheNamesWxConfigTakes() =>
        Assert.Equal(
            """{"appId":"wx1","timestamp":1,"nonceStr":"n","signature":"s"}""",
            JsonSerializer.Serialize(new JsSdkConfig("wx1", 1, "n", "s")));
}
