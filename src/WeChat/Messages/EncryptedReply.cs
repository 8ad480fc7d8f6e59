using HospitalOrleans.WeChat.Security;

namespace HospitalOrleans.WeChat.Messages;

/// <summary>The safe-mode reply envelope: Encrypt, MsgSignature, TimeStamp and Nonce.</summary>
public static class EncryptedReply
{
    /// <summary>Encrypts <paramref name="replyXml"/> and signs it with the token, timestamp and nonce.</summary>
    public static string Build(MessageCrypt crypt, string token, string replyXml, string timestamp, string nonce)
    {
        var encrypt = crypt.Encrypt(replyXml);
        return new WeChatXmlWriter()
            .Cdata("Encrypt", encrypt)
            .Cdata("MsgSignature", WeChatSignature.Message(token, timestamp, nonce, encrypt))
            .NumberText("TimeStamp", timestamp)
            .Cdata("Nonce", nonce)
            .ToString();
    }

    public static ParseResult<EncryptedReplyParts> Read(string xml)
    {
        var read = SafeXmlReader.Read(xml);
        if (read.Value is not { } fields)
        {
            return ParseResult<EncryptedReplyParts>.Failure(read.Error ?? "unreadable");
        }

        foreach (var required in (string[])["Encrypt", "MsgSignature", "TimeStamp", "Nonce"])
        {
            if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault(required)))
            {
                return ParseResult<EncryptedReplyParts>.Failure($"<{required}> is missing");
            }
        }

        return ParseResult<EncryptedReplyParts>.Success(new EncryptedReplyParts(
            fields["Encrypt"].Trim(), fields["MsgSignature"].Trim(), fields["TimeStamp"].Trim(), fields["Nonce"]));
    }
}
