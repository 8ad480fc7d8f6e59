using System.Globalization;

namespace HospitalOrleans.WeChat.Messages;

/// <summary>One push from WeChat to the account's server URL: a user message or an event.</summary>
public sealed record InboundMessage
{
    private const string QrScenePrefix = "qrscene_";

    /// <summary>The account's own id (<c>gh_…</c>).</summary>
    public string ToUserName { get; init; } = "";

    /// <summary>The sender's OpenID.</summary>
    public string FromUserName { get; init; } = "";

    /// <summary>Unix seconds.</summary>
    public long CreateTime { get; init; }

    public string MsgType { get; init; } = "";

    public InboundKind Kind { get; init; }

    public string? Content { get; init; }

    /// <summary>From <c>MsgId</c> of user messages or <c>MsgID</c> of the template delivery report.</summary>
    public long? MsgId { get; init; }

    public string? Event { get; init; }

    public string? EventKey { get; init; }

    public string? Ticket { get; init; }

    /// <summary>From <c>ScanCodeInfo/ScanType</c> of scancode events.</summary>
    public string? ScanType { get; init; }

    /// <summary>From <c>ScanCodeInfo/ScanResult</c> of scancode events.</summary>
    public string? ScanResult { get; init; }

    /// <summary>The template delivery status: <c>success</c>, <c>failed:user block</c>, <c>failed: system failed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>
    /// The parametric QR scene: for a subscribe, the EventKey after <c>qrscene_</c>; for a SCAN,
    /// the EventKey itself; null for everything else and for a plain follow.
    /// </summary>
    public string? Scene => Kind switch
    {
        InboundKind.Subscribe when EventKey is { } key
            && key.StartsWith(QrScenePrefix, StringComparison.Ordinal)
            && key.Length > QrScenePrefix.Length => key[QrScenePrefix.Length..],
        InboundKind.Scan when !string.IsNullOrEmpty(EventKey) => EventKey,
        _ => null,
    };

    /// <summary>
    /// The key under which WeChat's retries of this push collapse: the MsgId for user messages,
    /// sender + CreateTime + event name for events (as the official page advises).
    /// </summary>
    public string DedupeKey => !IsEvent && MsgId is { } id
        ? $"msg:{id.ToString(CultureInfo.InvariantCulture)}"
        : $"evt:{FromUserName}:{CreateTime.ToString(CultureInfo.InvariantCulture)}:{Event}";

    public bool IsEvent => string.Equals(MsgType, "event", StringComparison.OrdinalIgnoreCase);

    // OpenIDs, content and scan results are personal data; they never reach a log through ToString.
    public override string ToString() =>
        $"InboundMessage {{ Kind = {Kind}, MsgType = {MsgType}, Event = {Event}, CreateTime = {CreateTime}, MsgId = {MsgId} }}";
}
