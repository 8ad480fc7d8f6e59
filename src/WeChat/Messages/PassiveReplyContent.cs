namespace HospitalOrleans.WeChat.Messages;

/// <summary>A passive reply as read back by the simulator.</summary>
public sealed record PassiveReplyContent(string ToUserName, string FromUserName, string MsgType, string? Content, NewsArticle? Article)
{
    public long CreateTime { get; init; }

    // The recipient's OpenID and the text are personal data.
    public override string ToString() => $"PassiveReplyContent {{ MsgType = {MsgType}, CreateTime = {CreateTime} }}";
}
