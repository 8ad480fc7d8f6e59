using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WeChat.Tests.Messages;

public sealed class PassiveReplyTests
{
    [Fact]
    public void WritesATextReplyExactlyInTheDocumentedFormat() =>
        Assert.Equal(
            "<xml><ToUserName><![CDATA[openid]]></ToUserName><FromUserName><![CDATA[gh_id]]></FromUserName><CreateTime>12345678</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>",
            PassiveReply.Text("openid", "gh_id", 12345678, "你好"));

    [Fact]
    public void WritesANewsReplyWithOneArticle() =>
        Assert.Equal(
            "<xml><ToUserName><![CDATA[openid]]></ToUserName><FromUserName><![CDATA[gh_id]]></FromUserName><CreateTime>12345678</CreateTime><MsgType><![CDATA[news]]></MsgType>" +
            "<ArticleCount>1</ArticleCount><Articles><item><Title><![CDATA[来院导航]]></Title><Description><![CDATA[门诊楼]]></Description>" +
            "<PicUrl><![CDATA[https://h.example/p.png]]></PicUrl><Url><![CDATA[https://h.example/map]]></Url></item></Articles></xml>",
            PassiveReply.News("openid", "gh_id", 12345678, new NewsArticle("来院导航", "门诊楼", "https://h.example/p.png", "https://h.example/map")));

    [Fact]
    public void SplitsACdataTerminatorInsideContentSoItReadsBackWhole()
    {
        var xml = PassiveReply.Text("openid", "gh_id", 1, "x]]>y]]>");

        Assert.Contains("x]]]]><![CDATA[>y]]]]><![CDATA[>", xml, StringComparison.Ordinal);
        Assert.Equal("x]]>y]]>", PassiveReply.Parse(xml).Value!.Content);
    }

    [Fact]
    public void DropsCharactersXmlCannotCarry()
    {
        var xml = PassiveReply.Text("openid", "gh_id", 1, "a\u0001b\uD800c😀");

        Assert.Equal("abc😀", PassiveReply.Parse(xml).Value!.Content);
    }

    [Fact]
    public void ReadsBackATextReply()
    {
        var reply = PassiveReply.Parse(PassiveReply.Text("openid", "gh_id", 12345678, "你好")).Value!;

        Assert.Equal(new PassiveReplyContent("openid", "gh_id", "text", "你好", null) { CreateTime = 12345678 }, reply);
    }

    [Fact]
    public void ReadsBackTheArticleOfANewsReply()
    {
        var article = new NewsArticle("T", "D", "https://h.example/p.png", "https://h.example/u");

        var reply = PassiveReply.Parse(PassiveReply.News("openid", "gh_id", 1, article)).Value!;

        Assert.Equal(("news", article), (reply.MsgType, reply.Article!));
    }

    [Fact]
    public void RefusesANewsReplyWithoutArticles() =>
        Assert.False(PassiveReply.Parse(PassiveReply.Text("o", "g", 1, "x").Replace("text", "news")).Ok);

    [Theory]
    [InlineData("success", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("<xml/>", false)]
    [InlineData("Success", false)]
    public void KnowsTheBodiesThatMeanNoReply(string? body, bool noReply) =>
        Assert.Equal(noReply, PassiveReply.IsNoReply(body));

    [Fact]
    public void RefusesSuccessAsAReplyDocument() =>
        Assert.False(PassiveReply.Parse(PassiveReply.Success).Ok);
}
