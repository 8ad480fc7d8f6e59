namespace HospitalOrleans.WeChat.Messages;

/// <summary>Builds inbound pushes exactly as WeChat writes them; for the simulator and for tests.</summary>
public static class InboundMessageXml
{
    public static string Text(string to, string from, long createTime, string content, long msgId) =>
        Header(to, from, createTime, "text")
            .Cdata("Content", content)
            .Number("MsgId", msgId)
            .ToString();

    /// <summary>An event push; <paramref name="eventKey"/> and <paramref name="ticket"/> are written only when given.</summary>
    public static string Event(string to, string from, long createTime, string eventName, string? eventKey = null, string? ticket = null) =>
        Header(to, from, createTime, "event")
            .Cdata("Event", eventName)
            .CdataIfPresent("EventKey", eventKey)
            .CdataIfPresent("Ticket", ticket)
            .ToString();

    public static string ScanCodePush(string to, string from, long createTime, string eventKey, string scanType, string scanResult) =>
        ScanCode("scancode_push", to, from, createTime, eventKey, scanType, scanResult);

    /// <summary>Like <see cref="ScanCodePush"/> for a <c>scancode_waitmsg</c> button.</summary>
    public static string ScanCodeWaitMsg(string to, string from, long createTime, string eventKey, string scanType, string scanResult) =>
        ScanCode("scancode_waitmsg", to, from, createTime, eventKey, scanType, scanResult);

    /// <summary>The delivery report of a template message; note WeChat spells this one <c>MsgID</c>.</summary>
    public static string TemplateSendJobFinish(string to, string from, long createTime, long msgId, string status) =>
        Header(to, from, createTime, "event")
            .Cdata("Event", "TEMPLATESENDJOBFINISH")
            .Number("MsgID", msgId)
            .Cdata("Status", status)
            .ToString();

    private static string ScanCode(string eventName, string to, string from, long createTime, string eventKey, string scanType, string scanResult) =>
        Header(to, from, createTime, "event")
            .Cdata("Event", eventName)
            .Cdata("EventKey", eventKey)
            .Open("ScanCodeInfo")
            .Cdata("ScanType", scanType)
            .Cdata("ScanResult", scanResult)
            .Close("ScanCodeInfo")
            .ToString();

    private static WeChatXmlWriter Header(string to, string from, long createTime, string msgType) =>
        new WeChatXmlWriter()
            .Cdata("ToUserName", to)
            .Cdata("FromUserName", from)
            .Number("CreateTime", createTime)
            .Cdata("MsgType", msgType);
}
