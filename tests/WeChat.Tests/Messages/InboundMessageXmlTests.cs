using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WeChat.Tests.Messages;

public sealed class InboundMessageXmlTests
{
    [Fact]
    public void WritesATextPushAsWeChatDoes() =>
        Assert.Equal(
            "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1700000000</CreateTime>" +
            "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[挂号]]></Content><MsgId>42</MsgId></xml>",
            InboundMessageXml.Text("gh_1", "o1", 1700000000, "挂号", 42));

    [Fact]
    public void WritesAnEventWithoutTheOptionalFieldsItWasNotGiven() =>
        Assert.Equal(
            "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>5</CreateTime>" +
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>",
            InboundMessageXml.Event("gh_1", "o1", 5, "subscribe"));

    [Fact]
    public void ATextPushReadsBackAsItWasWritten()
    {
        var message = InboundMessageParser.Parse(InboundMessageXml.Text("gh_1", "o1", 1700000000, "a]]>b <c> & d", 42)).Value!;

        Assert.Equal(("gh_1", "o1", 1700000000L, "a]]>b <c> & d", 42L), (message.ToUserName, message.FromUserName, message.CreateTime, message.Content!, message.MsgId!.Value));
    }

    [Fact]
    public void AQrFollowReadsBackWithItsScene()
    {
        var message = InboundMessageParser.Parse(InboundMessageXml.Event("gh_1", "o1", 5, "subscribe", "qrscene_card-0042", "T1")).Value!;

        Assert.Equal((InboundKind.Subscribe, "card-0042", "T1"), (message.Kind, message.Scene!, message.Ticket!));
    }

    [Fact]
    public void AScancodePushReadsBackWithItsResult()
    {
        var message = InboundMessageParser.Parse(InboundMessageXml.ScanCodePush("gh_1", "o1", 5, "SCAN_CARD", "qrcode", "CARD:123")).Value!;

        Assert.Equal((InboundKind.ScanCodePush, "SCAN_CARD", "qrcode", "CARD:123"), (message.Kind, message.EventKey!, message.ScanType!, message.ScanResult!));
    }

    [Fact]
    public void AScancodeWaitMsgReadsBackAsItsOwnKind() =>
        Assert.Equal(
            InboundKind.ScanCodeWaitMsg,
            InboundMessageParser.Parse(InboundMessageXml.ScanCodeWaitMsg("gh_1", "o1", 5, "K", "barcode", "6901234567892")).Value!.Kind);

    [Fact]
    public void ATemplateReportReadsBackWithItsMsgIdAndStatus()
    {
        var xml = InboundMessageXml.TemplateSendJobFinish("gh_1", "o1", 5, 200228332, "failed: system failed");
        var message = InboundMessageParser.Parse(xml).Value!;

        Assert.Contains("<MsgID>200228332</MsgID>", xml, StringComparison.Ordinal);
        Assert.Equal((InboundKind.TemplateSendJobFinish, 200228332L, "failed: system failed"), (message.Kind, message.MsgId!.Value, message.Status!));
    }
}
