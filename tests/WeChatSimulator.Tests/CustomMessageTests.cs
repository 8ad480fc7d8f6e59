using HospitalOrleans.WeChatSimulator.Tests.Support;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class CustomMessageTests
{
    [Fact]
    public async Task CustomerServiceMessageIsAllowedOnlyWithin48HoursOfTheUsersLastAction()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();
        var openId = await sim.FollowerAsync("oPatient00000000000000000000002");
        var message = new { touser = openId, msgtype = "text", text = new { content = "您的号源已锁定" } };

        Assert.Equal(0, (await sim.PostJsonAsync($"cgi-bin/message/custom/send?access_token={token}", message)).ErrCode());
        sim.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));
        var fresh = await sim.FetchTokenAsync();

        Assert.Equal(45015, (await sim.PostJsonAsync($"cgi-bin/message/custom/send?access_token={fresh}", message)).ErrCode());
        var chat = (await sim.GetJsonAsync($"sim/api/users/{openId}/chat")).EnumerateArray().ToList();
        Assert.Single(chat, e => e.TryGetProperty("content", out var c) && c.GetString() == "您的号源已锁定");
    }

    [Fact]
    public async Task CustomerServiceMessageToANonFollowerIs43004()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.FetchTokenAsync();

        var answer = await sim.PostJsonAsync($"cgi-bin/message/custom/send?access_token={token}",
            new { touser = "oNobody000000000000000000000001", msgtype = "text", text = new { content = "x" } });

        Assert.Equal(43004, answer.ErrCode());
    }
}
