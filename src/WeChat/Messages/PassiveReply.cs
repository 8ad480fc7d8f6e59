using System.Globalization;

namespace HospitalOrleans.WeChat.Messages;

/// <summary>The XML bodies an account answers a push with, inside WeChat's five-second window.</summary>
public static class PassiveReply
{
    /// <summary>The body that tells WeChat "received, no reply, do not retry".</summary>
    public const string Success = "success";

    public static string Text(string toUser, string fromUser, long createTime, string content) =>
        Header(toUser, fromUser, createTime, "text")
            .Cdata("Content", content)
            .ToString();

    /// <summary>A news reply with one article (WeChat allows only one in answer to a user message).</summary>
    public static string News(string toUser, string fromUser, long createTime, NewsArticle article) =>
        Header(toUser, fromUser, createTime, "news")
            .Number("ArticleCount", 1)
            .Open("Articles")
            .Open("item")
            .Cdata("Title", article.Title)
            .Cdata("Description", article.Description)
            .Cdata("PicUrl", article.PicUrl)
            .Cdata("Url", article.Url)
            .Close("item")
            .Close("Articles")
            .ToString();

    /// <summary>True for the bodies that mean "no reply": <c>success</c> or nothing at all.</summary>
    public static bool IsNoReply(string? body) =>
        string.IsNullOrEmpty(body) || string.Equals(body.Trim(), Success, StringComparison.Ordinal);

    /// <summary>Reads a plaintext passive reply (text or news); the first article of a news reply.</summary>
    public static ParseResult<PassiveReplyContent> Parse(string xml)
    {
        var read = SafeXmlReader.Read(xml);
        if (read.Value is not { } fields)
        {
            return ParseResult<PassiveReplyContent>.Failure(read.Error ?? "unreadable");
        }

        foreach (var required in (string[])["ToUserName", "FromUserName", "CreateTime", "MsgType"])
        {
            if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault(required)))
            {
                return ParseResult<PassiveReplyContent>.Failure($"<{required}> is missing");
            }
        }

        if (!long.TryParse(fields["CreateTime"].AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var createTime))
        {
            return ParseResult<PassiveReplyContent>.Failure("<CreateTime> is not a whole number");
        }

        var msgType = fields["MsgType"];
        NewsArticle? article = null;
        if (string.Equals(msgType, "news", StringComparison.Ordinal))
        {
            if (!fields.ContainsKey("Articles/item/Title"))
            {
                return ParseResult<PassiveReplyContent>.Failure("a news reply needs <Articles><item>");
            }

            article = new NewsArticle(
                fields["Articles/item/Title"],
                fields.GetValueOrDefault("Articles/item/Description") ?? "",
                fields.GetValueOrDefault("Articles/item/PicUrl") ?? "",
                fields.GetValueOrDefault("Articles/item/Url") ?? "");
        }

        var reply = new PassiveReplyContent(fields["ToUserName"], fields["FromUserName"], msgType, fields.GetValueOrDefault("Content"), article)
        {
            CreateTime = createTime,
        };
        return ParseResult<PassiveReplyContent>.Success(reply);
    }

    private static WeChatXmlWriter Header(string toUser, string fromUser, long createTime, string msgType) =>
        new WeChatXmlWriter()
            .Cdata("ToUserName", toUser)
            .Cdata("FromUserName", fromUser)
            .Number("CreateTime", createTime)
            .Cdata("MsgType", msgType);
}
