using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WebFront.Tests.Billing;

/// <summary>
/// What a bill owes WeChat Pay survives a platform restart: an order whose hold ran out while the
/// platform was down is closed at WeChat Pay and its bill closed when the platform is back, and a
/// payment made during the outage (its notifications unanswered) is found by the order query.
/// </summary>
public sealed class PaymentRestartTests
{
    [Fact]
    public async Task OrdersLeftOpenAtARestartAreSettledByTheirFollowUpAfterIt()
    {
        var data = Directory.CreateTempSubdirectory("hospital-pay-").FullName;
        var port = DemoWeChat.FreePort();
        var time = new FakeTimeProvider(HospitalApp.Start);
        await using var wechat = await DemoWeChat.StartAsync(DemoWeChat.FreePort(), $"http://127.0.0.1:{port}", time);
        string unpaid, paidDuringOutage;
        string unpaidPrepay;

        await using (var before = HospitalApp.Over(data, port, time, wechat))
        {
            await before.InitializeAsync();
            var (first, firstId) = await before.SignInThroughWeChatAsync(WeChatWire.OpenId());
            var (second, secondId) = await before.SignInThroughWeChatAsync(WeChatWire.OpenId());
            using var _ = first;
            using var __ = second;
            var poolId = (await Api.BookablePool(first, 3, 6)).GetProperty("poolId").GetString()!;
            unpaid = await first.BookOnlineAsync(firstId, poolId, "restart-1");
            paidDuringOutage = await second.BookOnlineAsync(secondId, poolId, "restart-2");
            unpaidPrepay = WeChatSteps.PrepayIdOf(await (await first.PostAsync($"/api/bookings/{unpaid}/payment", null)).Json());
            var secondPrepay = WeChatSteps.PrepayIdOf(await (await second.PostAsync($"/api/bookings/{paidDuringOutage}/payment", null)).Json());
            // Paid at the cashier, but every notification is sent only after the platform went down.
            (await wechat.Client.PostAsJsonAsync($"/sim/api/pay/{secondPrepay}/pay", new { delay_seconds = 5 })).EnsureSuccessStatusCode();
        }

        time.Advance(TimeSpan.FromMinutes(16)); // both holds run out while the platform is down
        await Task.Delay(TimeSpan.FromSeconds(6)); // the notifications find nobody
        await using var after = HospitalApp.Over(data, port, time, wechat);
        await after.InitializeAsync();
        var grains = after.Services.GetRequiredService<IGrainFactory>();

        var closed = await WeChatSteps.EventuallyAsync(() => grains.GetGrain<IInvoiceGrain>(RegistrationInvoices.IdFor(unpaid)).GetAsync(),
            b => b!.Status == InvoiceStatus.Closed, "the unpaid bill closed after the restart");
        Assert.Empty(closed!.Payments);
        var orders = await wechat.Client.GetFromJsonAsync<JsonElement>("/sim/api/pay/orders");
        Assert.Equal("CLOSED", orders.EnumerateArray().Single(o => o.GetProperty("prepay_id").GetString() == unpaidPrepay).GetProperty("trade_state").GetString());

        // The payment made in time but told to nobody: recorded from the order query, and — its number
        // released at the deadline meanwhile — refunded.
        var late = await WeChatSteps.EventuallyAsync(() => grains.GetGrain<IInvoiceGrain>(RegistrationInvoices.IdFor(paidDuringOutage)).GetAsync(),
            b => b!.Payments.Count == 1 && b.Refunds.Count == 1 && b.Refunds[0].State == RefundState.Succeeded, "the outage payment settled");
        Assert.Equal(PaymentDisposition.ArrivedAfterClose, late!.Payments[0].Disposition);
        await WeChatSteps.EventuallyAsync(() => grains.GetGrain<IBillingFollowUpRegistryGrain>(0).GetOpenAsync(), open => open.Count == 0, "no follow-up left");
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
