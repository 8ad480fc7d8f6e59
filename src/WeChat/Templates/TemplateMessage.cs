using System.Text.Json;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WeChat.Templates;

/// <summary>
/// A template message (<c>message/template/send</c>). <see cref="Data"/> maps each template
/// keyword (<c>thing2</c>, <c>time3</c>…) to its value; <see cref="ClientMsgId"/> makes a resend idempotent.
/// </summary>
public sealed record TemplateMessage(string ToUser, string TemplateId, string? Url, string? ClientMsgId, IReadOnlyDictionary<string, string> Data)
{
    public TemplateMiniProgram? MiniProgram { get; init; }

    /// <summary><c>{"touser","template_id","url","miniprogram","client_msg_id","data":{"k":{"value":"v"}}}</c>, nulls omitted.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new TemplateMessageWire
        {
            ToUser = ToUser,
            TemplateId = TemplateId,
            Url = Url,
            MiniProgram = MiniProgram,
            ClientMsgId = ClientMsgId,
            Data = Data.ToDictionary(pair => pair.Key, pair => (TemplateValueWire?)new TemplateValueWire { Value = pair.Value }, StringComparer.Ordinal),
        },
        WeChatJson.Options);

    public static ParseResult<TemplateMessage> FromJson(string json)
    {
        TemplateMessageWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<TemplateMessageWire>(json, WeChatJson.Options);
        }
        catch (JsonException)
        {
            return ParseResult<TemplateMessage>.Failure("the body is not a template message in JSON");
        }

        if (wire is null || string.IsNullOrWhiteSpace(wire.ToUser))
        {
            return ParseResult<TemplateMessage>.Failure("\"touser\" is missing");
        }

        if (string.IsNullOrWhiteSpace(wire.TemplateId))
        {
            return ParseResult<TemplateMessage>.Failure("\"template_id\" is missing");
        }

        if (wire.Data is null)
        {
            return ParseResult<TemplateMessage>.Failure("\"data\" is missing");
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyword, value) in wire.Data)
        {
            if (value?.Value is not { } text)
            {
                return ParseResult<TemplateMessage>.Failure("every \"data\" entry needs a \"value\"");
            }

            data[keyword] = text;
        }

        return ParseResult<TemplateMessage>.Success(
            new TemplateMessage(wire.ToUser, wire.TemplateId, wire.Url, wire.ClientMsgId, data) { MiniProgram = wire.MiniProgram });
    }

    // The OpenID and the keyword values (names, times, places) are personal data.
    public override string ToString() =>
        $"TemplateMessage {{ TemplateId = {TemplateId}, Keywords = [{string.Join(", ", Data.Keys)}] }}";
}
