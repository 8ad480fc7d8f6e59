using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Tests.Support;

namespace HospitalOrleans.WeChat.Tests.Messages;

public sealed class EncryptedEnvelopeTests
{
    [Fact]
    public void BuildsTheInboundSafeModeBody() =>
        Assert.Equal(
            "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[abc+/=]]></Encrypt></xml>",
            EncryptedEnvelope.Build("gh_10f6c3c3ac5a", "abc+/="));

    [Fact]
    public void ReadsTheEncryptValueBack() =>
        Assert.Equal(VectorA.Encrypt, EncryptedEnvelope.ReadEncrypt(EncryptedEnvelope.Build("gh_10f6c3c3ac5a", VectorA.Encrypt)).Value);

    [Fact]
    public void ReadsAnEnvelopeWrittenWithLineBreaks() =>
        Assert.Equal(
            "abc",
            EncryptedEnvelope.ReadEncrypt("<xml>\n    <ToUserName><![CDATA[gh_1]]></ToUserName>\n    <Encrypt><![CDATA[abc]]></Encrypt>\n</xml>").Value);

    [Theory]
    [InlineData("<xml><ToUserName><![CDATA[gh_1]]></ToUserName></xml>")]
    [InlineData("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt></Encrypt></xml>")]
    public void RefusesABodyWithoutEncrypt(string xml) =>
        Assert.Equal("<Encrypt> is missing", EncryptedEnvelope.ReadEncrypt(xml).Error);

    [Fact]
    public void RefusesAHostileEnvelope() =>
        Assert.False(EncryptedEnvelope.ReadEncrypt("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>").Ok);
}
