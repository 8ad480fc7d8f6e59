using System.Net.Http.Json;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>
/// A notice the platform could not send yet is durable: it survives a platform restart (on the
/// embedded store, whose reminders live in memory) and reaches the patient exactly once.
/// </summary>
public sealed class NoticeOutboxRestartTests
{
    [Fact]
    public async Task ANoticeWeChatRefusedBeforeARestartIsSentOnceAfterIt()
    {
        var data = Directory.CreateTempSubdirectory("hospital-outbox-").FullName;
        var port = DemoWeChat.FreePort();
        var time = new FakeTimeProvider(HospitalApp.Start);
        await using var wechat = await DemoWeChat.StartAsync(DemoWeChat.FreePort(), $"http://127.0.0.1:{port}", time);
        var openId = WeChatWire.OpenId();
        string noticeId;

        await using (var before = HospitalApp.Over(data, port, time, wechat))
        {
            await before.InitializeAsync();
            await before.WaitForDemoStartAsync();
            await before.ActAsync(openId, "follow");
            var (patient, patientId) = await before.SignInThroughWeChatAsync(openId);
            using var _ = patient;
            var poolId = (await Api.BookablePool(patient, 3, 7)).GetProperty("poolId").GetString()!;
            // WeChat is busy for the first template send: the notice stays pending with a retry scheduled.
            (await wechat.Client.PostAsJsonAsync("/sim/api/faults", new { kind = "busy-next", count = 1 })).EnsureSuccessStatusCode();

            var booking = await before.BookAndPayAsync(patient, patientId, poolId, "outbox-1");

            var user = before.Services.GetRequiredService<IGrainFactory>().WeChatUser(openId);
            var pending = await WeChatSteps.EventuallyAsync(() => user.GetAsync(), v => v.Notices.Any(n => n.Attempts == 1), "the refused first attempt");
            var notice = Assert.Single(pending.Notices);
            Assert.Equal("Pending", notice.Status);
            noticeId = notice.NoticeId;
            Assert.StartsWith(booking.GetProperty("bookingId").GetString()!, noticeId);
        }

        time.Advance(TimeSpan.FromMinutes(1)); // past the retry time, while the platform is down
        await using var after = HospitalApp.Over(data, port, time, wechat);
        await after.InitializeAsync();

        var chat = await WeChatSteps.EventuallyAsync(() => after.ChatAsync(openId), c => c.Exists(e => e.Kind == ChatKinds.Template), "the notice after the restart");
        Assert.Single(chat, e => e.Kind == ChatKinds.Template);
        var user2 = after.Services.GetRequiredService<IGrainFactory>().WeChatUser(openId);
        var sent = await WeChatSteps.EventuallyAsync(() => user2.GetAsync(), v => v.Notices.All(n => n.Status is "Sent" or "Delivered"), "the notice marked sent");
        Assert.Equal(2, Assert.Single(sent.Notices).Attempts);
        Assert.Empty(await after.Services.GetRequiredService<IGrainFactory>().GetGrain<INoticeOutboxRegistryGrain>(0).GetPendingAsync());
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
