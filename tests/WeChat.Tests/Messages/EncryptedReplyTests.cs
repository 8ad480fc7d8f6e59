using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChat.Tests.Support;

namespace HospitalOrleans.WeChat.Tests.Messages;

public sealed class EncryptedReplyTests
{
    private static readonly MessageCrypt Crypt = new(VectorA.EncodingAesKey, VectorA.AppId);

    [Fact]
    public void BuildsAnEnvelopeThatReadsBackSignedAndDecryptable()
    {
        var reply = PassiveReply.Text("openid", "gh_id", 1, "你好");

        var xml = EncryptedReply.Build(Crypt, VectorA.Token, reply, "1409735669", "nonce42");
        var parts = EncryptedReply.Read(xml).Value!;

        Assert.Equal(("1409735669", "nonce42"), (parts.TimeStamp, parts.Nonce));
        Assert.Equal(WeChatSignature.Message(VectorA.Token, "1409735669", "nonce42", parts.Encrypt), parts.MsgSignature);
        Assert.Equal(reply, Crypt.Decrypt(parts.Encrypt).Message);
    }

    [Fact]
    public void WritesTheTimestampBareAndTheRestInCdata()
    {
        var xml = EncryptedReply.Build(Crypt, VectorA.Token, "<xml/>", "1409735669", "n");

        Assert.StartsWith("<xml><Encrypt><![CDATA[", xml, StringComparison.Ordinal);
        Assert.Contains("]]></Encrypt><MsgSignature><![CDATA[", xml, StringComparison.Ordinal);
        Assert.EndsWith("]]></MsgSignature><TimeStamp>1409735669</TimeStamp><Nonce><![CDATA[n]]></Nonce></xml>", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Encrypt")]
    [InlineData("MsgSignature")]
    [InlineData("TimeStamp")]
    [InlineData("Nonce")]
    public void RefusesAnEnvelopeMissingAPart(string part)
    {
        var xml = EncryptedReply.Build(Crypt, VectorA.Token, "<xml/>", "1", "n");
        var start = xml.IndexOf($"<{part}>", StringComparison.Ordinal);
        var end = xml.IndexOf($"</{part}>", StringComparison.Ordinal) + part.Length + 3;

        Assert.Equal($"<{part}> is missing", EncryptedReply.Read(xml.Remove(start, end - start)).Error);
    }
}
