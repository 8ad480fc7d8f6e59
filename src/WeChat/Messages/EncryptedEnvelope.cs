namespace HospitalOrleans.WeChat.Messages;

/// <summary>The outer XML of a safe-mode push: <c>&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;/xml&gt;</c>.</summary>
public static class EncryptedEnvelope
{
    /// <summary>The base64 <c>Encrypt</c> value of an inbound safe-mode body.</summary>
    public static ParseResult<string> ReadEncrypt(string xml)
    {
        var read = SafeXmlReader.Read(xml);
        if (read.Value is not { } fields)
        {
            return ParseResult<string>.Failure(read.Error ?? "unreadable");
        }

        return fields.GetValueOrDefault("Encrypt") is { Length: > 0 } encrypt
            ? ParseResult<string>.Success(encrypt.Trim())
            : ParseResult<string>.Failure("<Encrypt> is missing");
    }

    /// <summary>An inbound safe-mode body as WeChat sends it.</summary>
    public static string Build(string toUserName, string encrypt) =>
        new WeChatXmlWriter()
            .Cdata("ToUserName", toUserName)
            .Cdata("Encrypt", encrypt)
            .ToString();
}
