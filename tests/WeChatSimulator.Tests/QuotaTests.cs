using HospitalOrleans.WeChatSimulator.Tests.Support;

namespace HospitalOrleans.WeChatSimulator.Tests;

public sealed class QuotaTests
{
    [Fact]
    public async Task CallOverTheDailyQuotaIsRefusedUntilMidnightBeijingTime()
    {
        await using var sim = await RunningSimulator.StartAsync(new Dictionary<string, string> { ["Quotas:Token"] = "2" });
        await sim.FetchTokenAsync();
        await sim.FetchTokenAsync();

        var third = await sim.GetJsonAsync($"cgi-bin/token?grant_type=client_credential&appid={sim.Account.AppId}&secret={sim.Account.AppSecret}");
        Assert.Equal(45009, third.ErrCode());
        Assert.StartsWith("reach max api daily quota limit", third.GetProperty("errmsg").GetString());

        // The simulator starts at 23:30 in Beijing.
        sim.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.False(string.IsNullOrEmpty(await sim.FetchTokenAsync()));
    }

    [Fact]
    public async Task EachApiHasItsOwnQuota()
    {
        await using var sim = await RunningSimulator.StartAsync(new Dictionary<string, string> { ["Quotas:MenuGet"] = "1" });
        var token = await sim.FetchTokenAsync();

        Assert.Equal(46003, (await sim.GetJsonAsync($"cgi-bin/menu/get?access_token={token}")).ErrCode());
        Assert.Equal(45009, (await sim.GetJsonAsync($"cgi-bin/menu/get?access_token={token}")).ErrCode());
        Assert.Equal(0, (await sim.GetJsonAsync($"cgi-bin/menu/delete?access_token={token}")).ErrCode());
    }
}
