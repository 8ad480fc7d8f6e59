using HospitalOrleans.WeChat.CustomerService;
using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Templates;

namespace HospitalOrleans.WeChatSimulator.Users;

/// <summary>Turns what the account sent (passive reply, customer-service or template message) into chat lines.</summary>
public static class ChatLines
{
    public static ChatEntry FromReply(PassiveReplyContent reply) => Outgoing(reply.MsgType, reply.Content, reply.Article);

    public static ChatEntry FromCustomMessage(CustomMessage message) => Outgoing(message.MsgType, message.Content, message.Article);

    public static ChatEntry FromTemplate(TemplateMessage message, long msgId, WeChatSimulator.Templates.TemplateLayout? layout) =>
        new(ChatEntry.Out, ChatKinds.Template)
        {
            Url = message.Url, TemplateId = message.TemplateId, Data = message.Data, MsgId = msgId,
            Title = layout?.Title, Labels = layout?.Labels,
        };

    private static ChatEntry Outgoing(string msgType, string? content, NewsArticle? article) => msgType switch
    {
        "text" => new(ChatEntry.Out, ChatKinds.Text) { Content = content ?? "" },
        "news" when article is not null => new(ChatEntry.Out, ChatKinds.News)
        {
            Title = article.Title, Description = article.Description, Url = article.Url, PicUrl = article.PicUrl,
        },
        // Images, voice, music and the like: the simulator shows only that one arrived.
        _ => new(ChatEntry.Out, ChatKinds.Text) { Content = $"[{msgType}]" },
    };
}
