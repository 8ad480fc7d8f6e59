using System.Net;
using HospitalOrleans.WeChatSimulator.Tests.Support;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class PageTests
{
    [Fact]
    public async Task PageShowsTheUserTheChatAndThePublishedMenu()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        await sim.PostJsonAsync($"cgi-bin/menu/create?access_token={token}",
            """{"button":[{"type":"click","name":"预约挂号","key":"BOOK"},{"name":"我的","sub_button":[{"type":"view","name":"我的预约","url":"http://127.0.0.1:5080/me"}]}]}""");
        var openId = await sim.FollowerAsync("oPageUser0000000000000000000001");

        var html = await sim.Http.GetStringAsync($"?openid={openId}");

        Assert.Contains("data-testid=\"new-user\"", html);
        Assert.Contains($"data-openid=\"{openId}\"", html);
        Assert.Contains("data-testid=\"unfollow\"", html);
        Assert.Contains("data-testid=\"chat-entry\"", html);
        Assert.Contains("data-testid=\"menu-item\" data-name=\"预约挂号\"", html);
        Assert.Contains("data-testid=\"sub-menu-item\" data-name=\"我的预约\"", html);
        Assert.Contains("状态只保存在内存中", html);
    }

    [Fact]
    public async Task MenuLinkSendsViewAndOpensTheUrl()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var openId = await sim.FollowerAsync("oPageUser0000000000000000000002");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["url"] = "http://127.0.0.1:5080/me" });
        using var response = await sim.Http.PostAsync($"sim/page/users/{openId}/view", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://127.0.0.1:5080/me", response.Headers.Location!.ToString());
        var last = (await sim.GetJsonAsync($"sim/api/users/{openId}/chat")).EnumerateArray().Last();
        Assert.Equal("http://127.0.0.1:5080/me", last.GetProperty("url").GetString());
    }
}
