using HospitalOrleans.WeChat.CustomerService;
using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>
/// What the account answers a user: passively in the HTTP response when it is ready within
/// WeChat's deadline, or later as a customer-service message when it is not.
/// </summary>
public abstract record Reply
{
    public abstract string ToPassiveXml(InboundMessage to, long createTime);

    public abstract CustomMessage ToCustomMessage(string openId);
}

public sealed record TextReply(string Content) : Reply
{
    public override string ToPassiveXml(InboundMessage to, long createTime) =>
        PassiveReply.Text(to.FromUserName, to.ToUserName, createTime, Content);

    public override CustomMessage ToCustomMessage(string openId) => CustomMessage.Text(openId, Content);
}

public sealed record NewsReply(NewsArticle Article) : Reply
{
    public override string ToPassiveXml(InboundMessage to, long createTime) =>
        PassiveReply.News(to.FromUserName, to.ToUserName, createTime, Article);

    public override CustomMessage ToCustomMessage(string openId) => CustomMessage.News(openId, Article);
}
