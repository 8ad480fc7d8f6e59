using System.Globalization;

namespace HospitalOrleans.WeChat.Messages;

/// <summary>Reads the plaintext XML of an inbound push. Hostile or broken input is an error, never an exception.</summary>
public static class InboundMessageParser
{
    /// <summary>Largest document accepted, in characters.</summary>
    public const int MaxCharacters = SafeXmlReader.MaxCharacters;

    public static ParseResult<InboundMessage> Parse(string xml)
    {
        var read = SafeXmlReader.Read(xml);
        if (read.Value is not { } fields)
        {
            return ParseResult<InboundMessage>.Failure(read.Error ?? "unreadable");
        }

        foreach (var required in (string[])["ToUserName", "FromUserName", "CreateTime", "MsgType"])
        {
            if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault(required)))
            {
                return ParseResult<InboundMessage>.Failure($"<{required}> is missing");
            }
        }

        if (!TryParseNumber(fields["CreateTime"], out var createTime))
        {
            return ParseResult<InboundMessage>.Failure("<CreateTime> is not a whole number");
        }

        long? msgId = null;
        if ((fields.GetValueOrDefault("MsgId") ?? fields.GetValueOrDefault("MsgID")) is { } msgIdText)
        {
            if (!TryParseNumber(msgIdText, out var id))
            {
                return ParseResult<InboundMessage>.Failure("<MsgId> is not a whole number");
            }

            msgId = id;
        }

        var msgType = fields["MsgType"].Trim();
        var eventName = fields.GetValueOrDefault("Event");
        return ParseResult<InboundMessage>.Success(new InboundMessage
        {
            ToUserName = fields["ToUserName"],
            FromUserName = fields["FromUserName"],
            CreateTime = createTime,
            MsgType = msgType,
            Kind = InboundKinds.Classify(msgType, eventName),
            Content = fields.GetValueOrDefault("Content"),
            MsgId = msgId,
            Event = eventName,
            EventKey = fields.GetValueOrDefault("EventKey"),
            Ticket = fields.GetValueOrDefault("Ticket"),
            ScanType = fields.GetValueOrDefault("ScanCodeInfo/ScanType"),
            ScanResult = fields.GetValueOrDefault("ScanCodeInfo/ScanResult"),
            Status = fields.GetValueOrDefault("Status"),
        });
    }

    private static bool TryParseNumber(string text, out long value) =>
        long.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
