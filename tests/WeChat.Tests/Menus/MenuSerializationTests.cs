using System.Text.Json;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Menus;

namespace HospitalOrleans.WeChat.Tests.Menus;

public sealed class MenuSerializationTests
{
    // silenceper/wechat officialaccount/menu/button_test.go, TestNewButtonFun.
    private const string SilenceperButtons =
        """[{"name":"1","sub_button":[{"type":"view","name":"1.1","url":"https://baidu.com"},{"type":"view","name":"1.2","url":"https://baidu.com"},{"type":"view","name":"1.3","url":"https://baidu.com"}]},{"name":"2","sub_button":[{"type":"view","name":"2.1","url":"https://baidu.com"},{"type":"view","name":"2.2","url":"https://baidu.com"},{"type":"view","name":"2.3","url":"https://baidu.com"}]},{"type":"view","name":"3","url":"https://baidu.com"}]""";

    private static readonly Menu SilenceperMenu = new(
    [
        MenuButton.Parent("1", MenuButton.View("1.1", "https://baidu.com"), MenuButton.View("1.2", "https://baidu.com"), MenuButton.View("1.3", "https://baidu.com")),
        MenuButton.Parent("2", MenuButton.View("2.1", "https://baidu.com"), MenuButton.View("2.2", "https://baidu.com"), MenuButton.View("2.3", "https://baidu.com")),
        MenuButton.View("3", "https://baidu.com"),
    ]);

    [Fact]
    public void SerializesTheSilenceperButtonsExactly() =>
        Assert.Equal(SilenceperButtons, JsonSerializer.Serialize(SilenceperMenu.Button, WeChatJson.Options));

    [Fact]
    public void WrapsTheButtonsInAButtonObject() =>
        Assert.Equal($$"""{"button":{{SilenceperButtons}}}""", SilenceperMenu.ToJson());

    [Fact]
    public void WritesEveryFieldUnderWeChatsNameInWireOrder()
    {
        var button = new MenuButton
        {
            Type = "miniprogram", Name = "小程序", Key = "K", Url = "https://h.example", MediaId = "M", ArticleId = "A", AppId = "wxapp", PagePath = "pages/index",
        };

        Assert.Equal(
            """{"type":"miniprogram","name":"小程序","key":"K","url":"https://h.example","media_id":"M","article_id":"A","appid":"wxapp","pagepath":"pages/index"}""",
            JsonSerializer.Serialize(button, WeChatJson.Options));
    }

    [Fact]
    public void ReadsAMenuBackFromItsJson()
    {
        var menu = Menu.FromJson(SilenceperMenu.ToJson()).Value!;

        Assert.Equal(SilenceperMenu.ToJson(), menu.ToJson());
        Assert.Equal("2.3", menu.Button[1].SubButtons![2].Name);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"button\":5}")]
    public void RefusesJsonThatIsNotAMenu(string json) =>
        Assert.False(Menu.FromJson(json).Ok);
}
