using System.Text.Json;
using HospitalOrleans.WeChatSimulator.Tests.Support;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class MenuTests
{
    private const string Leaf = """{"type":"click","name":"A","key":"K"}""";

    [Theory]
    [InlineData($$"""{"button":[{{Leaf}},{{Leaf}},{{Leaf}},{{Leaf}}]}""", 40016)]
    [InlineData("""{"button":[{"type":"click","name":"一二三四五六","key":"K"}]}""", 40018)]
    [InlineData("""{"button":[{"type":"teleport","name":"A","key":"K"}]}""", 40017)]
    [InlineData("""{"button":[{"type":"click","name":"A"}]}""", 40019)]
    [InlineData($$"""{"button":[{"name":"P","sub_button":[{{Leaf}},{{Leaf}},{{Leaf}},{{Leaf}},{{Leaf}},{{Leaf}}]}]}""", 40023)]
    [InlineData("""{"button":[{"name":"P","sub_button":[{"type":"teleport","name":"A","key":"K"}]}]}""", 40024)]
    [InlineData("""{"button":[{"type":"view","name":"A","url":"not a url"}]}""", 40055)]
    [InlineData("not json", 47001)]
    public async Task MenuBreakingWeChatsRulesIsRefusedWithItsCode(string menu, int errcode)
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();

        var answer = await sim.PostJsonAsync($"cgi-bin/menu/create?access_token={token}", menu);

        Assert.Equal(errcode, answer.ErrCode());
        Assert.Equal(46003, (await sim.GetJsonAsync($"cgi-bin/menu/get?access_token={token}")).ErrCode());
    }

    [Fact]
    public async Task PublishedMenuComesBackWithAnEmptySubButtonListOnEveryLeaf()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        var menu = """{"button":[{"type":"click","name":"预约挂号","key":"BOOK"},{"name":"我的","sub_button":[{"type":"view","name":"我的预约","url":"http://127.0.0.1:5080/me"}]}]}""";

        Assert.Equal(0, (await sim.PostJsonAsync($"cgi-bin/menu/create?access_token={token}", menu)).ErrCode());
        var buttons = (await sim.GetJsonAsync($"cgi-bin/menu/get?access_token={token}")).GetProperty("menu").GetProperty("button");

        Assert.Equal(JsonValueKind.Array, buttons[0].GetProperty("sub_button").ValueKind);
        Assert.Equal(0, buttons[0].GetProperty("sub_button").GetArrayLength());
        Assert.False(buttons[1].TryGetProperty("type", out _));
        Assert.Equal("我的预约", buttons[1].GetProperty("sub_button")[0].GetProperty("name").GetString());
        Assert.Equal(0, buttons[1].GetProperty("sub_button")[0].GetProperty("sub_button").GetArrayLength());
    }

    [Fact]
    public async Task DeletedMenuIsGone()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        await sim.PostJsonAsync($"cgi-bin/menu/create?access_token={token}", $$"""{"button":[{{Leaf}}]}""");

        Assert.Equal(0, (await sim.GetJsonAsync($"cgi-bin/menu/delete?access_token={token}")).ErrCode());
        Assert.Equal(46003, (await sim.GetJsonAsync($"cgi-bin/menu/get?access_token={token}")).ErrCode());
    }
}
