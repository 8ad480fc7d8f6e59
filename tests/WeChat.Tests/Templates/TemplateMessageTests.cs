using HospitalOrleans.WeChat.Templates;

namespace HospitalOrleans.WeChat.Tests.Templates;

public sealed class TemplateMessageTests
{
    private static TemplateMessage Sample() =>
        new("OPENID", "ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY", "http://weixin.qq.com/download", "MSG_000001",
            new Dictionary<string, string> { ["keyword1"] = "巧克力", ["keyword2"] = "39.8元" })
        {
            MiniProgram = new TemplateMiniProgram("xiaochengxuappid12345", "index?foo=bar"),
        };

    [Fact]
    public void WritesTheDocumentedBodyInWireOrder() =>
        Assert.Equal(
            """{"touser":"OPENID","template_id":"ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY","url":"http://weixin.qq.com/download","miniprogram":{"appid":"xiaochengxuappid12345","pagepath":"index?foo=bar"},"client_msg_id":"MSG_000001","data":{"keyword1":{"value":"巧克力"},"keyword2":{"value":"39.8元"}}}""",
            Sample().ToJson());

    [Fact]
    public void LeavesOutTheLinkAndIdWhenThereAreNone() =>
        Assert.Equal(
            """{"touser":"o1","template_id":"T","data":{"thing2":{"value":"张医生 \"肿瘤科\""}}}""",
            new TemplateMessage("o1", "T", null, null, new Dictionary<string, string> { ["thing2"] = "张医生 \"肿瘤科\"" }).ToJson());

    [Fact]
    public void ReadsBackWhatItWrites()
    {
        var read = TemplateMessage.FromJson(Sample().ToJson()).Value!;

        Assert.Equal(Sample().ToJson(), read.ToJson());
        Assert.Equal("39.8元", read.Data["keyword2"]);
        Assert.Equal("index?foo=bar", read.MiniProgram!.PagePath);
    }

    [Theory]
    [InlineData("""{"template_id":"T","data":{}}""", "\"touser\" is missing")]
    [InlineData("""{"touser":"o","data":{}}""", "\"template_id\" is missing")]
    [InlineData("""{"touser":"o","template_id":"T"}""", "\"data\" is missing")]
    [InlineData("""{"touser":"o","template_id":"T","data":{"k":{}}}""", "every \"data\" entry needs a \"value\"")]
    [InlineData("""{"touser":"o","template_id":"T","data":{"k":null}}""", "every \"data\" entry needs a \"value\"")]
    [InlineData("""not json""", "the body is not a template message in JSON")]
    public void RefusesAnIncompleteBody(string json, string error) =>
        Assert.Equal(error, TemplateMessage.FromJson(json).Error);

    [Fact]
    public void PrintsNeitherTheOpenIdNorTheValuesWhenTurnedIntoText()
    {
        var text = Sample().ToString();

        Assert.DoesNotContain("OPENID", text, StringComparison.Ordinal);
        Assert.DoesNotContain("巧克力", text, StringComparison.Ordinal);
        Assert.Contains("keyword1", text, StringComparison.Ordinal);
    }
}
