using System.Text.Json;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WeChat.CustomerService;

/// <summary>
/// A customer-service message (<c>message/custom/send</c>): the way to answer later than the
/// five-second passive-reply window, within 48 hours of the user's last message.
/// </summary>
public sealed record CustomMessage(string ToUser, string MsgType, string? Content, NewsArticle? Article)
{
    public const string TextType = "text";
    public const string NewsType = "news";

    public static CustomMessage Text(string openId, string content) => new(openId, TextType, content, null);

    public static CustomMessage News(string openId, NewsArticle article) => new(openId, NewsType, null, article);

    /// <summary>
    /// <c>{"touser","msgtype":"text","text":{"content"}}</c> or
    /// <c>{"touser","msgtype":"news","news":{"articles":[{"title","description","url","picurl"}]}}</c>.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(
        new CustomMessageWire
        {
            ToUser = ToUser,
            MsgType = MsgType,
            Text = Content is null ? null : new() { Content = Content },
            News = Article is null ? null : new()
            {
                Articles = [new() { Title = Article.Title, Description = Article.Description, Url = Article.Url, PicUrl = Article.PicUrl }],
            },
        },
        WeChatJson.Options);

    public static ParseResult<CustomMessage> FromJson(string json)
    {
        CustomMessageWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<CustomMessageWire>(json, WeChatJson.Options);
        }
        catch (JsonException)
        {
            return ParseResult<CustomMessage>.Failure("the body is not a customer-service message in JSON");
        }

        if (wire is null || string.IsNullOrWhiteSpace(wire.ToUser) || string.IsNullOrWhiteSpace(wire.MsgType))
        {
            return ParseResult<CustomMessage>.Failure("\"touser\" and \"msgtype\" are required");
        }

        return wire.MsgType switch
        {
            TextType when wire.Text?.Content is { } content => ParseResult<CustomMessage>.Success(Text(wire.ToUser, content)),
            TextType => ParseResult<CustomMessage>.Failure("a text message needs \"text\":{\"content\"}"),
            NewsType when wire.News?.Articles is [{ } first, ..] => ParseResult<CustomMessage>.Success(News(
                wire.ToUser,
                new NewsArticle(first.Title ?? "", first.Description ?? "", first.PicUrl ?? "", first.Url ?? ""))),
            NewsType => ParseResult<CustomMessage>.Failure("a news message needs \"news\":{\"articles\":[…]}"),
            _ => ParseResult<CustomMessage>.Success(new CustomMessage(wire.ToUser, wire.MsgType, null, null)),
        };
    }

    // The OpenID and the text are personal data.
    public override string ToString() => $"CustomMessage {{ MsgType = {MsgType} }}";
}
