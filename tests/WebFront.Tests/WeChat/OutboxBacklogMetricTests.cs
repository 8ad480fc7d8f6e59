using System.Net.Http.Json;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.WebFront.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>
/// The outbox backlog an operator watches on <c>/metrics</c>: a notice WeChat refused counts
/// until it is sent, and no longer after.
/// </summary>
public sealed class OutboxBacklogMetricTests
{
    private const string Backlog = "hospital_outbox_backlog";

    [Fact]
    public async Task ANoticeWeChatRefusedCountsInTheBacklogUntilItIsSent()
    {
        await using var app = new HospitalApp();
        await app.InitializeAsync();
        await app.WaitForDemoStartAsync();
        var openId = WeChatWire.OpenId();
        await app.ActAsync(openId, "follow");
        var (patient, patientId) = await app.SignInThroughWeChatAsync(openId);
        using var _ = patient;
        var user = app.Services.GetRequiredService<IGrainFactory>().WeChatUser(openId);
        var before = Scrape.Value(await app.MetricsAsync(), Backlog, ("stage", "wechat"));
        (await app.WeChat.Client.PostAsJsonAsync("/sim/api/faults", new { kind = "busy-next", count = 1 })).EnsureSuccessStatusCode();

        await app.BookAndPayAsync(patient, patientId, (await Api.BookablePool(patient, 3, 7)).GetProperty("poolId").GetString()!, "backlog-1");
        await WeChatSteps.EventuallyAsync(() => user.GetAsync(), v => v.Notices.Any(n => n.Attempts == 1), "the refused first attempt");
        Assert.Equal(before + 1, Scrape.Value(await app.MetricsAsync(), Backlog, ("stage", "wechat")));

        // Past the retry time; the next notice wakes the outbox and both go out.
        app.Time.Advance(TimeSpan.FromSeconds(16));
        await app.BookAndPayAsync(patient, patientId, (await Api.BookablePool(patient, 5, 7)).GetProperty("poolId").GetString()!, "backlog-2");
        await WeChatSteps.EventuallyAsync(() => user.GetAsync(), v => v.Notices.Count == 2 && v.Notices.All(n => n.Status is "Sent" or "Delivered"), "both notices sent");
        Assert.Equal(before, Scrape.Value(await app.MetricsAsync(), Backlog, ("stage", "wechat")));
    }
}
