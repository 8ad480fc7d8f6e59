using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Security;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Push;

/// <summary>
/// Judges the platform's answer to a push as WeChat's client would: <c>success</c> or nothing means no reply;
/// in safe mode the reply must be the encrypted envelope with a valid MsgSignature; the reply must be
/// addressed to the user and come from the account.
/// </summary>
public sealed class ReplyReader(IOptions<SimulatorOptions> options, MessageCrypt crypt)
{
    public ReplyVerdict Read(string openId, string? body)
    {
        if (PassiveReply.IsNoReply(body)) return ReplyVerdict.NoReply;
        var account = options.Value;
        var xml = body!;
        if (account.SafeMode)
        {
            var opened = Decrypt(account, xml);
            if (opened.Error is not null) return ReplyVerdict.Invalid(opened.Error);
            xml = opened.Value!;
        }
        var parsed = PassiveReply.Parse(xml);
        if (!parsed.Ok) return ReplyVerdict.Invalid($"unreadable reply: {parsed.Error}");
        var reply = parsed.Value!;
        if (reply.ToUserName != openId) return ReplyVerdict.Invalid("reply ToUserName is not the user's OpenID");
        if (reply.FromUserName != account.OriginalId) return ReplyVerdict.Invalid("reply FromUserName is not the account's original id");
        return ReplyVerdict.Of(reply);
    }

    private ParseResult<string> Decrypt(SimulatorOptions account, string body)
    {
        var parts = EncryptedReply.Read(body);
        if (!parts.Ok) return ParseResult<string>.Failure($"safe mode needs an encrypted reply: {parts.Error}");
        var envelope = parts.Value!;
        var expected = WeChatSignature.Message(account.Token, envelope.TimeStamp, envelope.Nonce, envelope.Encrypt);
        if (!WeChatSignature.Matches(expected, envelope.MsgSignature)) return ParseResult<string>.Failure("reply MsgSignature does not verify");
        var decrypted = crypt.Decrypt(envelope.Encrypt);
        return decrypted.Ok ? ParseResult<string>.Success(decrypted.Message!) : ParseResult<string>.Failure($"reply does not decrypt: {decrypted.Error}");
    }
}

/// <summary>No reply, a reply to show, or a reply the client refuses (shown as "该公众号暂时无法提供服务").</summary>
public sealed record ReplyVerdict(PassiveReplyContent? Reply, string? Problem)
{
    public static readonly ReplyVerdict NoReply = new(null, null);

    public static ReplyVerdict Of(PassiveReplyContent reply) => new(reply, null);

    public static ReplyVerdict Invalid(string problem) => new(null, problem);
}
