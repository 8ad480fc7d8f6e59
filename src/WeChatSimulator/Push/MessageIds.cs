using System.Security.Cryptography;

namespace HospitalOrleans.WeChatSimulator.Push;

/// <summary>Message ids in WeChat's ranges: 64-bit MsgIds for user messages, smaller msgids for template sends.</summary>
public sealed class MessageIds
{
    private long _msgId = 6_054_768_590_064_713_728 + RandomNumberGenerator.GetInt32(1_000_000_000);
    private long _templateMsgId = 200_000_000 + RandomNumberGenerator.GetInt32(1_000_000);

    public long NextMsgId() => Interlocked.Increment(ref _msgId);

    public long NextTemplateMsgId() => Interlocked.Increment(ref _templateMsgId);
}
