namespace HospitalOrleans.WeChat.Messages;

/// <summary>What an inbound push is, from its <c>MsgType</c> and, for events, its <c>Event</c>.</summary>
public enum InboundKind
{
    Text,
    Image,
    Voice,
    /// <summary>Both <c>video</c> and <c>shortvideo</c>.</summary>
    Video,
    Location,
    Link,
    Subscribe,
    Unsubscribe,
    /// <summary>A follower scanned a parametric QR code (<c>Event=SCAN</c>).</summary>
    Scan,
    Click,
    View,
    ScanCodePush,
    ScanCodeWaitMsg,
    /// <summary>The delivery report of a template message.</summary>
    TemplateSendJobFinish,
    /// <summary>An event this library does not name (for example <c>LOCATION</c>).</summary>
    OtherEvent,
    /// <summary>A message type this library does not name.</summary>
    Other,
}
