using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.Billing;

/// <summary>
/// Money going back: cancelling on the phone before the visit day refunds through WeChat Pay and
/// returns the number; from the visit day only the window refunds; a payment that arrives after the
/// hold released the number is refunded and the patient told; the deadline and a payment racing
/// for the same number end exactly one way. Each test moves its own app's clock.
/// </summary>
public sealed class RefundAndDeadlineTests
{
    private static async Task<(HospitalApp App, HttpClient Patient, string PatientId, string OpenId)> StartAsync()
    {
        var app = new HospitalApp();
        await app.InitializeAsync();
        var openId = WeChatWire.OpenId();
        await app.ActAsync(openId, "follow");
        var (patient, patientId) = await app.SignInThroughWeChatAsync(openId);
        return (app, patient, patientId, openId);
    }

    private static Task<Invoice?> BillOf(HospitalApp app, string bookingId) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IInvoiceGrain>(RegistrationInvoices.IdFor(bookingId)).GetAsync();

    private static async Task<JsonElement> PoolAsync(HttpClient client, string poolId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/pools/{poolId}");

    private static int Free(JsonElement pool) => pool.GetProperty("onlineRemaining").GetInt32() + pool.GetProperty("windowRemaining").GetInt32();

    [Fact]
    public async Task CancelledTheDayBeforeThePaidFeeGoesBackThroughWeChatPayAndTheNumberReturnsToThePool()
    {
        var (app, patient, patientId, _) = await StartAsync();
        await using var _ = app;
        using var __ = patient;
        var pool = await Api.BookablePool(patient, 3, 2);
        var poolId = pool.GetProperty("poolId").GetString()!;
        var visit = DateOnly.Parse(pool.GetProperty("date").GetString()!);
        var booking = await app.BookAndPayAsync(patient, patientId, poolId, "refund-1");
        var bookingId = booking.GetProperty("bookingId").GetString()!;
        var freeBefore = Free(await PoolAsync(patient, poolId));

        app.Time.SetUtcNow(HospitalTime.At(visit.AddDays(-1), new TimeOnly(23, 59, 58)));
        var cancelled = await patient.DeleteAsync($"/api/bookings/{bookingId}");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var body = await cancelled.Json();
        var fee = (await BillOf(app, bookingId))!.TotalFen;
        Assert.Equal(fee, body.GetProperty("refundFen").GetInt64());
        Assert.Equal("cancelled", body.GetProperty("booking").GetProperty("status").GetString());
        // After the online cutoff (16:00 the day before) the returned number is the window's.
        Assert.Equal(freeBefore + 1, Free(await PoolAsync(patient, poolId)));
        var refunded = await WeChatSteps.EventuallyAsync(() => BillOf(app, bookingId), b => b!.Status == InvoiceStatus.Refunded, "the refund's result from WeChat Pay");
        var refund = Assert.Single(refunded!.Refunds);
        Assert.Equal(RefundState.Succeeded, refund.State);
        Assert.Equal(RefundChannel.Phone, refund.RequestedVia);
        Assert.Equal(patientId, refund.RequestedBy);
        Assert.False(string.IsNullOrEmpty(refund.ProviderRefundId));
        // Cancelling again refunds nothing more.
        await (await patient.DeleteAsync($"/api/bookings/{bookingId}")).AssertProblem(HttpStatusCode.Conflict);
        Assert.Single((await BillOf(app, bookingId))!.Refunds);
    }

    [Fact]
    public async Task OnTheVisitDayThePhoneRefusesAndTheWindowRefundsTheWeChatPaymentTheWayItCame()
    {
        var (app, patient, patientId, _) = await StartAsync();
        await using var _ = app;
        using var __ = patient;
        var pool = await Api.BookablePool(patient, 2, 3);
        var poolId = pool.GetProperty("poolId").GetString()!;
        var visit = DateOnly.Parse(pool.GetProperty("date").GetString()!);
        var bookingId = (await app.BookAndPayAsync(patient, patientId, poolId, "visit-day")).GetProperty("bookingId").GetString()!;

        app.Time.SetUtcNow(HospitalTime.At(visit, new TimeOnly(0, 0)));
        var refused = await (await patient.DeleteAsync($"/api/bookings/{bookingId}")).AssertProblem(HttpStatusCode.Conflict, "refund-not-allowed");
        Assert.Contains("窗口", refused.GetProperty("title").GetString());
        Assert.Equal("confirmed", (await patient.GetFromJsonAsync<JsonElement>($"/api/bookings/{bookingId}")).GetProperty("status").GetString());
        Assert.Empty((await BillOf(app, bookingId))!.Refunds);

        using var clerk = await app.SignedInStaff("clerk1");
        var atWindow = await clerk.DeleteAsync($"/api/bookings/{bookingId}");
        Assert.Equal(HttpStatusCode.OK, atWindow.StatusCode);
        var refunded = await WeChatSteps.EventuallyAsync(() => BillOf(app, bookingId), b => b!.Status == InvoiceStatus.Refunded, "the window's WeChat refund");
        var refund = Assert.Single(refunded!.Refunds);
        Assert.Equal(PaymentChannel.WeChat, refund.Channel);
        Assert.Equal(RefundChannel.Window, refund.RequestedVia);
        Assert.Equal("clerk1", refund.RequestedBy);
    }

    [Fact]
    public async Task APaymentArrivingAfterTheHoldReleasedTheNumberIsRefundedAndThePatientIsToldWhy()
    {
        var (app, patient, patientId, openId) = await StartAsync();
        await using var _ = app;
        using var __ = patient;
        var poolId = (await Api.BookablePool(patient, 4, 1)).GetProperty("poolId").GetString()!;
        var bookingId = await patient.BookOnlineAsync(patientId, poolId, "late-1");

        // Paid at the cashier in time, but the notification is on its way for 3 seconds ...
        await app.PayAsync(patient, $"/api/bookings/{bookingId}/payment", new { delay_seconds = 3 });
        // ... while the hold runs out and the pool lets the number go.
        app.Time.Advance(TimeSpan.FromMinutes(16));
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<INumberPoolGrain>(poolId).SweepAsync();
        Assert.Equal("expired", (await patient.GetFromJsonAsync<JsonElement>($"/api/bookings/{bookingId}")).GetProperty("status").GetString());

        var bill = await WeChatSteps.EventuallyAsync(() => BillOf(app, bookingId),
            b => b!.Refunds.Count == 1 && b.Refunds[0].State == RefundState.Succeeded, "the late payment refunded");
        Assert.Equal(InvoiceStatus.Closed, bill!.Status);
        var payment = Assert.Single(bill.Payments);
        Assert.Equal(PaymentDisposition.ArrivedAfterClose, payment.Disposition);
        Assert.Equal(payment.AmountFen, bill.Refunds[0].AmountFen);
        Assert.Equal("expired", (await patient.GetFromJsonAsync<JsonElement>($"/api/bookings/{bookingId}")).GetProperty("status").GetString());
        var chat = await WeChatSteps.EventuallyAsync(() => app.ChatAsync(openId),
            c => c.Exists(e => e.TemplateId == "demo_payment_refunded"), "the patient told of the refund");
        Assert.Contains(chat, e => e.TemplateId == "demo_payment_refunded");
    }

    [Fact]
    public async Task TheDeadlineAndARacingPaymentEndEachBookingExactlyOneWay()
    {
        var (app, first, firstId, _) = await StartAsync();
        await using var _ = app;
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var poolId = (await Api.BookablePool(first, 5, 2)).GetProperty("poolId").GetString()!;
        var patients = new List<(HttpClient Client, string PatientId)> { (first, firstId) };
        for (var i = 1; i < 6; i++) patients.Add(await app.SignInThroughWeChatAsync(WeChatWire.OpenId()));
        var bookings = new List<string>();
        foreach (var (client, patientId) in patients)
        {
            var bookingId = await client.BookOnlineAsync(patientId, poolId, $"race-{bookings.Count}");
            bookings.Add(bookingId);
            // Paid in time at the cashier; the notifications fly in spread over the next second or two.
            await app.PayAsync(client, $"/api/bookings/{bookingId}/payment", new { delay_seconds = bookings.Count % 3 * 0.4 });
        }
        var before = await PoolAsync(first, poolId);

        // The deadline passes while the notifications arrive; the pool's sweep runs alongside them.
        await Task.Delay(TimeSpan.FromSeconds(0.6));
        app.Time.Advance(TimeSpan.FromMinutes(16));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => grains.GetGrain<INumberPoolGrain>(poolId).SweepAsync()));

        var views = new List<(string Status, Invoice Bill)>();
        foreach (var bookingId in bookings)
        {
            var bill = await WeChatSteps.EventuallyAsync(() => BillOf(app, bookingId),
                b => b!.Payments.Count == 1 && b.Refunds.All(r => r.State == RefundState.Succeeded), $"{bookingId} settled one way");
            var status = (await grains.GetGrain<INumberPoolGrain>(poolId).GetBookingAsync(bookingId))!.Status;
            views.Add((status, bill!));
        }
        foreach (var (status, bill) in views)
        {
            if (status == "confirmed")
            {
                Assert.Equal(InvoiceStatus.Paid, bill.Status);
                Assert.Empty(bill.Refunds);
            }
            else
            {
                Assert.Equal("expired", status);
                Assert.Equal(InvoiceStatus.Closed, bill.Status);
                Assert.Equal(PaymentDisposition.ArrivedAfterClose, Assert.Single(bill.Payments).Disposition);
                Assert.Equal(bill.TotalFen, Assert.Single(bill.Refunds).AmountFen);
            }
        }
        // Every released number went back once; every confirmed one stayed issued.
        var after = await PoolAsync(first, poolId);
        var confirmed = views.Count(v => v.Status == "confirmed");
        Assert.Equal(before.GetProperty("onlineRemaining").GetInt32() + (bookings.Count - confirmed), after.GetProperty("onlineRemaining").GetInt32());
        foreach (var (client, _) in patients) client.Dispose();
    }
}
