using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Tests.Support;

namespace HospitalOrleans.WeChat.Tests.Messages;

public sealed class InboundMessageParserTests
{
    private const string Head =
        "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oPatient123]]></FromUserName><CreateTime>1700000000</CreateTime>";

    [Fact]
    public void ReadsTheTextMessageOfTheOfficialSample()
    {
        var message = Parse(VectorA.Message);

        Assert.Equal(InboundKind.Text, message.Kind);
        Assert.Equal("gh_10f6c3c3ac5a", message.ToUserName);
        Assert.Equal("oyORnuP8q7ou2gfYjqLzSIWZf0rs", message.FromUserName);
        Assert.Equal(1409735668, message.CreateTime);
        Assert.Equal("text", message.MsgType);
        Assert.Equal("abcdteT", message.Content);
        Assert.Equal(6054768590064713728, message.MsgId);
        Assert.Null(message.Event);
    }

    [Fact]
    public void ReadsAPlainFollowAsASubscribeWithoutScene()
    {
        var message = Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>");

        Assert.Equal(InboundKind.Subscribe, message.Kind);
        Assert.Equal("subscribe", message.Event);
        Assert.Null(message.Scene);
    }

    [Fact]
    public void ReadsAFollowWithAnEmptyEventKeyAsASubscribeWithoutScene()
    {
        var message = Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[]]></EventKey></xml>");

        Assert.Equal(InboundKind.Subscribe, message.Kind);
        Assert.Null(message.Scene);
    }

    [Fact]
    public void ReadsTheSceneOfAFollowThroughAParametricQrCode()
    {
        var message = Parse(Head +
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>" +
            "<EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>");

        Assert.Equal(InboundKind.Subscribe, message.Kind);
        Assert.Equal("qrscene_123123", message.EventKey);
        Assert.Equal("123123", message.Scene);
        Assert.Equal("TICKET", message.Ticket);
    }

    [Fact]
    public void ReadsAFollowersScanWithTheSceneAsItsEventKey()
    {
        var message = Parse(Head +
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[SCAN]]></Event>" +
            "<EventKey><![CDATA[123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>");

        Assert.Equal(InboundKind.Scan, message.Kind);
        Assert.Equal("123123", message.Scene);
        Assert.Equal("TICKET", message.Ticket);
    }

    [Theory]
    [InlineData("CLICK", "BOOK_NOW", InboundKind.Click)]
    [InlineData("VIEW", "https://hospital.example/booking", InboundKind.View)]
    [InlineData("LOCATION", "", InboundKind.OtherEvent)]
    public void ReadsMenuEventsWithTheirKey(string eventName, string eventKey, InboundKind kind)
    {
        var message = Parse(Head +
            $"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event><EventKey><![CDATA[{eventKey}]]></EventKey></xml>");

        Assert.Equal(kind, message.Kind);
        Assert.Equal(eventKey, message.EventKey);
        Assert.Null(message.Scene);
    }

    [Fact]
    public void ReadsTheScanResultOfAScancodePush()
    {
        var message = Parse(Head +
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[scancode_push]]></Event><EventKey><![CDATA[scancode_push]]></EventKey>" +
            "<ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[1]]></ScanResult></ScanCodeInfo></xml>");

        Assert.Equal(InboundKind.ScanCodePush, message.Kind);
        Assert.Equal("scancode_push", message.EventKey);
        Assert.Equal("qrcode", message.ScanType);
        Assert.Equal("1", message.ScanResult);
    }

    [Fact]
    public void ReadsTheTemplateDeliveryReportWithItsCapitalisedMsgId()
    {
        var message = Parse(Head +
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>" +
            "<MsgID>200163836</MsgID><Status><![CDATA[failed:user block]]></Status></xml>");

        Assert.Equal(InboundKind.TemplateSendJobFinish, message.Kind);
        Assert.Equal(200163836, message.MsgId);
        Assert.Equal("failed:user block", message.Status);
    }

    [Fact]
    public void ReadsAnUnfollow()
    {
        var message = Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event></xml>");

        Assert.Equal(InboundKind.Unsubscribe, message.Kind);
    }

    [Theory]
    [InlineData("image", InboundKind.Image)]
    [InlineData("voice", InboundKind.Voice)]
    [InlineData("video", InboundKind.Video)]
    [InlineData("shortvideo", InboundKind.Video)]
    [InlineData("location", InboundKind.Location)]
    [InlineData("link", InboundKind.Link)]
    [InlineData("miniprogrampage", InboundKind.Other)]
    public void NamesTheOtherUserMessageTypes(string msgType, InboundKind kind) =>
        Assert.Equal(kind, Parse(Head + $"<MsgType><![CDATA[{msgType}]]></MsgType><MsgId>1</MsgId></xml>").Kind);

    [Fact]
    public void ReadsAPushThatStartsWithAnXmlDeclaration() =>
        Assert.Equal("abcdteT", Parse("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + VectorA.Message).Content);

    [Fact]
    public void DedupesAUserMessageByItsMsgId() =>
        Assert.Equal("msg:6054768590064713728", Parse(VectorA.Message).DedupeKey);

    [Fact]
    public void DedupesAnEventBySenderCreateTimeAndEventName()
    {
        var message = Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[K]]></EventKey></xml>");

        Assert.Equal("evt:oPatient123:1700000000:CLICK", message.DedupeKey);
    }

    [Fact]
    public void DedupesTheTemplateReportAsAnEventThoughItCarriesAMsgId()
    {
        var message = Parse(InboundMessageXml.TemplateSendJobFinish("gh_1", "oPatient123", 1700000000, 42, "success"));

        Assert.Equal("evt:oPatient123:1700000000:TEMPLATESENDJOBFINISH", message.DedupeKey);
    }

    [Fact]
    public void DedupesAUserMessageWithoutMsgIdLikeAnEvent()
    {
        var message = Parse(Head + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>");

        Assert.Equal("evt:oPatient123:1700000000:", message.DedupeKey);
    }

    [Fact]
    public void NeverExpandsEntitiesDeclaredInADoctype()
    {
        const string billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol4;</Content></xml>
            """;

        var result = InboundMessageParser.Parse(billionLaughs);

        Assert.False(result.Ok);
        Assert.Null(result.Value);
        Assert.Contains("DTD", result.Error);
    }

    [Fact]
    public void NeverReadsAFileNamedByAnExternalEntity()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"wechat-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secretFile, "XXE-MARKER-4711");
        try
        {
            foreach (var target in (string[])[new Uri(secretFile).AbsoluteUri, "file:///etc/passwd"])
            {
                var xml =
                    $"<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"{target}\">]>" +
                    "<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content></xml>";

                var result = InboundMessageParser.Parse(xml);

                Assert.False(result.Ok);
                Assert.DoesNotContain("XXE-MARKER-4711", result.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("root:", result.Error, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void RefusesADocumentWhoseRootIsNotXml()
    {
        var result = InboundMessageParser.Parse(VectorA.Message.Replace("<xml>", "<message>").Replace("</xml>", "</message>"));

        Assert.Equal("the root element is not <xml>", result.Error);
    }

    [Theory]
    [InlineData("ToUserName")]
    [InlineData("FromUserName")]
    [InlineData("CreateTime")]
    [InlineData("MsgType")]
    public void RefusesAMessageMissingARequiredField(string field)
    {
        var start = VectorA.Message.IndexOf($"<{field}>", StringComparison.Ordinal);
        var end = VectorA.Message.IndexOf($"</{field}>", StringComparison.Ordinal) + field.Length + 3;

        var result = InboundMessageParser.Parse(VectorA.Message.Remove(start, end - start));

        Assert.Equal($"<{field}> is missing", result.Error);
    }

    [Fact]
    public void RefusesAnEmptySender() =>
        Assert.Equal("<FromUserName> is missing", InboundMessageParser.Parse(VectorA.Message.Replace("oyORnuP8q7ou2gfYjqLzSIWZf0rs", "")).Error);

    [Theory]
    [InlineData("<xml><ToUserName>a</ToUserName>")]
    [InlineData("<xml><ToUserName>a</FromUserName></xml>")]
    [InlineData("not xml at all")]
    [InlineData("<xml></xml><xml></xml>")]
    [InlineData("{\"ToUserName\":\"a\"}")]
    public void RefusesMalformedXml(string xml) =>
        Assert.Equal("the document is not well-formed XML", InboundMessageParser.Parse(xml).Error);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void RefusesAnEmptyDocument(string? xml) =>
        Assert.Equal("the document is empty", InboundMessageParser.Parse(xml!).Error);

    [Fact]
    public void RefusesADocumentOverTheCharacterCap()
    {
        var content = new string('a', InboundMessageParser.MaxCharacters);
        var xml = InboundMessageXml.Text("gh_1", "o1", 1, content, 1);

        var result = InboundMessageParser.Parse(xml);

        Assert.False(result.Ok);
        Assert.Contains("longer than", result.Error);
    }

    [Fact]
    public void AcceptsADocumentJustUnderTheCap()
    {
        var overhead = InboundMessageXml.Text("gh_1", "o1", 1, "", 1).Length;
        var xml = InboundMessageXml.Text("gh_1", "o1", 1, new string('a', InboundMessageParser.MaxCharacters - overhead), 1);

        Assert.True(InboundMessageParser.Parse(xml).Ok);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void RefusesACreateTimeThatIsNotAWholeNumber(string createTime) =>
        Assert.Equal(
            "<CreateTime> is not a whole number",
            InboundMessageParser.Parse(VectorA.Message.Replace("1409735668", createTime)).Error);

    [Fact]
    public void RefusesAMsgIdThatIsNotAWholeNumber() =>
        Assert.Equal("<MsgId> is not a whole number", InboundMessageParser.Parse(VectorA.Message.Replace("6054768590064713728", "x")).Error);

    [Fact]
    public void RefusesASenderGivenTwice()
    {
        var xml = VectorA.Message.Replace("</xml>", "<FromUserName><![CDATA[oSomeoneElse]]></FromUserName></xml>");

        Assert.Equal("the element <FromUserName> appears more than once", InboundMessageParser.Parse(xml).Error);
    }

    [Fact]
    public void PrintsNoOpenIdOrContentWhenTurnedIntoText()
    {
        var text = Parse(VectorA.Message).ToString();

        Assert.DoesNotContain("oyORnuP8q7ou2gfYjqLzSIWZf0rs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdteT", text, StringComparison.Ordinal);
        Assert.Contains("Text", text, StringComparison.Ordinal);
    }

    private static InboundMessage Parse(string xml)
    {
        var result = InboundMessageParser.Parse(xml);
        Assert.True(result.Ok, result.Error);
        return result.Value!;
    }
}
