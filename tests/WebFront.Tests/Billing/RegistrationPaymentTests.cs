using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.Billing;

/// <summary>
/// The registration fee through WeChat Pay (the simulator speaking the real wire format): the
/// number is confirmed by a verified notification, once; forged, altered and stale notifications
/// change nothing; a payment that lost the race with the hold deadline goes back.
/// </summary>
[Collection(WeChatCollection.Name)]
public sealed class RegistrationPaymentTests(HospitalApp app)
{
    private IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    private async Task<(HttpClient Patient, string PatientId, string BookingId)> BookAsync(int daysAhead, int index)
    {
        var (patient, patientId) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        var pool = (await Api.BookablePool(patient, daysAhead, index)).GetProperty("poolId").GetString();
        return (patient, patientId, await patient.BookOnlineAsync(patientId, pool!, "pay-" + index));
    }

    private static async Task<string?> StatusOf(HttpClient patient, string bookingId) =>
        (await patient.GetFromJsonAsync<JsonElement>($"/api/bookings/{bookingId}")).GetProperty("status").GetString();

    private Task<Invoice?> BillOf(string bookingId) => Grains.GetGrain<IInvoiceGrain>(RegistrationInvoices.IdFor(bookingId)).GetAsync();

    [Fact]
    public async Task APaymentConfirmsTheNumberOnceEvenWhenWeChatPaySendsTheNotificationTwice()
    {
        var (patient, _, bookingId) = await BookAsync(5, 0);
        using var _ = patient;

        var order = await app.PayAsync(patient, $"/api/bookings/{bookingId}/payment", new { duplicate = true });

        Assert.Equal(RegistrationInvoices.IdFor(bookingId), order.GetProperty("invoiceId").GetString());
        await WeChatSteps.EventuallyAsync(() => StatusOf(patient, bookingId), s => s == "confirmed", "the confirmation");
        await WeChatSteps.EventuallyAsync(() => NotificationsAsync(WeChatSteps.PrepayIdOf(order)),
            n => n.Acknowledged >= 2, "both copies of the notification acknowledged");
        var bill = (await BillOf(bookingId))!;
        Assert.Equal(InvoiceStatus.Paid, bill.Status);
        var payment = Assert.Single(bill.Payments);
        Assert.Equal(PaymentChannel.WeChat, payment.Channel);
        Assert.Equal(bill.TotalFen, payment.AmountFen);
        Assert.Empty(bill.Refunds);
    }

    [Theory]
    [InlineData("tamper_signature")]
    [InlineData("tamper_amount")]
    [InlineData("stale_timestamp")]
    public async Task AForgedAlteredOrStaleNotificationChangesNothingAndTheOrderQueryFindsTheRealPayment(string fault)
    {
        var (patient, _, bookingId) = await BookAsync(5, fault.Length % 7 + 1);
        using var _ = patient;

        var order = await app.PayAsync(patient, $"/api/bookings/{bookingId}/payment", new Dictionary<string, object> { [fault] = true });
        var prepayId = WeChatSteps.PrepayIdOf(order);
        var tries = await WeChatSteps.EventuallyAsync(() => NotificationsAsync(prepayId), n => n.Sent >= 2, "refused notifications retried");

        Assert.Equal(0, tries.Acknowledged);
        Assert.Equal("held", await StatusOf(patient, bookingId));
        Assert.Empty((await BillOf(bookingId))!.Payments);

        // The patient is back on the bill's page: the platform asks WeChat Pay instead of waiting.
        var checkedBill = await (await patient.PostAsync($"/api/me/bills/{order.GetProperty("invoiceId").GetString()}/check", null)).Json();
        Assert.Equal("Paid", checkedBill.GetProperty("status").GetString());
        Assert.Equal("confirmed", await StatusOf(patient, bookingId));
    }

    [Fact]
    public async Task SomeoneElsesBookingCannotBePaidFromAnotherAccountAndAPaidOneNotAgain()
    {
        var (patient, _, bookingId) = await BookAsync(6, 0);
        using var _ = patient;
        using var stranger = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());

        await (await stranger.PostAsync($"/api/bookings/{bookingId}/payment", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await patient.PostAsync("/api/bookings/not-a-booking/payment", null)).AssertProblem(HttpStatusCode.NotFound);
        var order = await app.PayAsync(patient, $"/api/bookings/{bookingId}/payment");
        await WeChatSteps.EventuallyAsync(() => StatusOf(patient, bookingId), s => s == "confirmed", "the confirmation");

        await (await patient.PostAsync($"/api/bookings/{bookingId}/payment", null)).AssertProblem(HttpStatusCode.Conflict, "paid");
        Assert.Equal(order.GetProperty("amountFen").GetInt64(), (await BillOf(bookingId))!.PaidFen());
    }

    /// <summary>How many notifications of the order the simulator sent, and how many the platform acknowledged (2xx).</summary>
    private async Task<(int Sent, int Acknowledged)> NotificationsAsync(string prepayId)
    {
        var orders = await app.WeChat.Client.GetFromJsonAsync<JsonElement>("/sim/api/pay/orders");
        var order = orders.EnumerateArray().Single(o => o.GetProperty("prepay_id").GetString() == prepayId);
        return (order.GetProperty("notifications_sent").GetInt32(), order.GetProperty("notifications_acknowledged").GetInt32());
    }
}
