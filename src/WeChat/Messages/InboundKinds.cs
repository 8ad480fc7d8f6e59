namespace HospitalOrleans.WeChat.Messages;

/// <summary>Maps WeChat's MsgType and Event names to <see cref="InboundKind"/>.</summary>
internal static class InboundKinds
{
    // WeChat's own spelling mixes cases (SCAN, CLICK, subscribe, scancode_push); SDKs such as
    // wechatpy compare without case, so a differently cased push is still understood.
    private static readonly Dictionary<string, InboundKind> MessageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = InboundKind.Text,
        ["image"] = InboundKind.Image,
        ["voice"] = InboundKind.Voice,
        ["video"] = InboundKind.Video,
        ["shortvideo"] = InboundKind.Video,
        ["location"] = InboundKind.Location,
        ["link"] = InboundKind.Link,
    };

    private static readonly Dictionary<string, InboundKind> Events = new(StringComparer.OrdinalIgnoreCase)
    {
        ["subscribe"] = InboundKind.Subscribe,
        ["unsubscribe"] = InboundKind.Unsubscribe,
        ["SCAN"] = InboundKind.Scan,
        ["CLICK"] = InboundKind.Click,
        ["VIEW"] = InboundKind.View,
        ["scancode_push"] = InboundKind.ScanCodePush,
        ["scancode_waitmsg"] = InboundKind.ScanCodeWaitMsg,
        ["TEMPLATESENDJOBFINISH"] = InboundKind.TemplateSendJobFinish,
    };

    public static InboundKind Classify(string msgType, string? eventName)
    {
        if (string.Equals(msgType, "event", StringComparison.OrdinalIgnoreCase))
        {
            return eventName is not null && Events.TryGetValue(eventName.Trim(), out var kind) ? kind : InboundKind.OtherEvent;
        }

        return MessageTypes.TryGetValue(msgType, out var messageKind) ? messageKind : InboundKind.Other;
    }
}
