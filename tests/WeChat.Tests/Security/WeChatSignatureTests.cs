using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChat.Tests.Support;

namespace HospitalOrleans.WeChat.Tests.Security;

public sealed class WeChatSignatureTests
{
    [Theory]
    [InlineData("weixin", "1357982061", "1358161344", "335b26997f05c82243aad6b10a2d1853637e71a8")]
    [InlineData("huhujm", "1359208540", "1359227084", "efa917e2445cc9f0aa4386ca92f96de5a242e24e")]
    [InlineData("spamtest", "1409735669", "1320562132", "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a")]
    public void ServerSignatureReproducesThePublishedVectors(string token, string timestamp, string nonce, string signature) =>
        Assert.Equal(signature, WeChatSignature.Server(token, timestamp, nonce));

    [Fact]
    public void ServerSignatureSortsItsPartsBeforeHashing() =>
        Assert.Equal("a9993e364706816aba3e25717850c26c9cd0d89d", WeChatSignature.Server("c", "a", "b"));

    [Fact]
    public void MessageSignatureOfVectorAMatchesTheOfficialSample() =>
        Assert.Equal(VectorA.MsgSignature, WeChatSignature.Message(VectorA.Token, VectorA.Timestamp, VectorA.Nonce, VectorA.Encrypt));

    [Theory]
    [InlineData("http://mp.weixin.qq.com?params=value", "0f9de62fce790f9a083d5c99e95740ceb90c27ed")]
    [InlineData("http://mp.weixin.qq.com", "f4d90daf4b3bca3078ab155816175ba34c443a7b")]
    public void JsSdkSignatureReproducesTheOfficialExample(string url, string signature) =>
        Assert.Equal(signature, WeChatSignature.JsSdk(JsSdkVector.Ticket, JsSdkVector.NonceStr, JsSdkVector.Timestamp, url));

    [Fact]
    public void JsSdkSignatureIgnoresEverythingFromTheHash() =>
        Assert.Equal(
            "0f9de62fce790f9a083d5c99e95740ceb90c27ed",
            WeChatSignature.JsSdk(JsSdkVector.Ticket, JsSdkVector.NonceStr, JsSdkVector.Timestamp, "http://mp.weixin.qq.com?params=value#/booking?x=1"));

    [Fact]
    public void MatchesAnIdenticalSignature() =>
        Assert.True(WeChatSignature.Matches("335b26997f05c82243aad6b10a2d1853637e71a8", "335b26997f05c82243aad6b10a2d1853637e71a8"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("335b26997f05c82243aad6b10a2d1853637e71a9")]
    [InlineData("335b26997f05c82243aad6b10a2d1853637e71a")]
    [InlineData("335B26997F05C82243AAD6B10A2D1853637E71A8")]
    public void DoesNotMatchAMissingOrDifferentSignature(string? candidate) =>
        Assert.False(WeChatSignature.Matches("335b26997f05c82243aad6b10a2d1853637e71a8", candidate));

    [Fact]
    public void AnEmptyExpectationMatchesNothing() =>
        Assert.False(WeChatSignature.Matches("", ""));
}
