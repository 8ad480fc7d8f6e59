using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>
/// Replies that miss WeChat's deadline, and the evening-before reminder. Each test runs its own
/// app: one has no time for passive replies, the other moves its clock by days.
/// </summary>
public sealed class SlowAndScheduledNoticeTests
{
    [Fact]
    public async Task AReplyNotReadyInTimeIsAnsweredWithSuccessAndSentAsACustomerServiceMessage()
    {
        await using var app = HospitalApp.With(new Dictionary<string, string> { ["WeChat:PassiveReplyBudgetMilliseconds"] = "0" });
        await app.InitializeAsync();
        var openId = WeChatWire.OpenId();
        await app.ActAsync(openId, "follow");

        (await app.ActAsync(openId, "click", new { key = "navigation" })).EnsureSuccessStatusCode();

        var chat = await WeChatSteps.EventuallyAsync(() => app.ChatAsync(openId),
            c => c.Exists(e => e.Direction == ChatEntry.Out && e.Content?.Contains("医院地址") == true), "the late reply");
        Assert.Single(chat, e => e.Direction == ChatEntry.Out && e.Content?.Contains("医院地址") == true);
    }

    [Fact]
    public async Task AConfirmedPatientIsRemindedTheEveningBeforeTheVisit()
    {
        await using var app = new HospitalApp();
        await app.InitializeAsync();
        var openId = WeChatWire.OpenId();
        await app.ActAsync(openId, "follow");
        var (patient, patientId) = await app.SignInThroughWeChatAsync(openId);
        using var _ = patient;
        var pool = await Api.BookablePool(patient, 3, 4);
        var poolId = pool.GetProperty("poolId").GetString()!;
        await app.BookAndPayAsync(patient, patientId, poolId, "remind-1");
        await WeChatSteps.EventuallyAsync(() => app.ChatAsync(openId), c => c.Exists(e => e.Kind == ChatKinds.Template), "the confirmation");

        var visitDate = DateOnly.Parse(pool.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        app.Time.SetUtcNow(HospitalTime.At(visitDate.AddDays(-1), new TimeOnly(18, 0)));
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<INumberPoolGrain>(poolId).SweepAsync();

        var chat = await WeChatSteps.EventuallyAsync(() => app.ChatAsync(openId),
            c => c.Count(e => e.Kind == ChatKinds.Template) == 2, "the reminder");
        Assert.Equal("demo_visit_reminder", chat.Last(e => e.Kind == ChatKinds.Template).TemplateId);
    }
}
