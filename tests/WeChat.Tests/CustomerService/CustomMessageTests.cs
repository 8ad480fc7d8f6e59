using HospitalOrleans.WeChat.CustomerService;
using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WeChat.Tests.CustomerService;

public sealed class CustomMessageTests
{
    [Fact]
    public void WritesATextMessageAsDocumented() =>
        Assert.Equal(
            """{"touser":"OPENID","msgtype":"text","text":{"content":"您的检查报告已出 <a href=\"https://h.example\">查看</a>"}}""",
            CustomMessage.Text("OPENID", "您的检查报告已出 <a href=\"https://h.example\">查看</a>").ToJson());

    [Fact]
    public void WritesANewsMessageWithTheArticleFieldsInWireOrder() =>
        Assert.Equal(
            """{"touser":"OPENID","msgtype":"news","news":{"articles":[{"title":"T","description":"D","url":"https://h.example/u","picurl":"https://h.example/p.png"}]}}""",
            CustomMessage.News("OPENID", new NewsArticle("T", "D", "https://h.example/p.png", "https://h.example/u")).ToJson());

    [Fact]
    public void ReadsBackBothKinds()
    {
        var text = CustomMessage.Text("o1", "你好");
        var news = CustomMessage.News("o1", new NewsArticle("T", "D", "P", "U"));

        Assert.Equal(text, CustomMessage.FromJson(text.ToJson()).Value);
        Assert.Equal(news, CustomMessage.FromJson(news.ToJson()).Value);
    }

    [Theory]
    [InlineData("""{"msgtype":"text","text":{"content":"x"}}""")]
    [InlineData("""{"touser":"o","msgtype":"text"}""")]
    [InlineData("""{"touser":"o","msgtype":"news","news":{"articles":[]}}""")]
    [InlineData("""[]""")]
    public void RefusesAnIncompleteBody(string json) =>
        Assert.False(CustomMessage.FromJson(json).Ok);

    [Fact]
    public void PrintsNeitherTheOpenIdNorTheTextWhenTurnedIntoText()
    {
        var text = CustomMessage.Text("oPatient", "张三 的报告").ToString();

        Assert.DoesNotContain("oPatient", text, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", text, StringComparison.Ordinal);
    }
}
