using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Staff;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WeChat.Pay;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.Billing;

/// <summary>
/// The finance office's day: takings per clerk and per channel, and the reconciliation against
/// WeChat Pay's trade bill. Each test moves the app's clock to a day of its own first, so a day's
/// totals are that test's alone.
/// </summary>
[Collection(FinanceCollection.Name)]
public sealed class FinanceApiTests(HospitalApp app)
{
    /// <summary>Moves to a day no other test of the collection has used: 09:00 of the next day.</summary>
    private DateOnly NextDay()
    {
        var day = HospitalTime.Today(app.Time.GetUtcNow()).AddDays(1);
        app.Time.SetUtcNow(HospitalTime.At(day, new TimeOnly(9, 0)));
        return day;
    }

    /// <summary>A window clerk of their own, so their drawer holds only what the test put in it.</summary>
    private async Task<(HttpClient Client, string UserName)> NewClerkAsync()
    {
        var userName = "clerk" + Guid.NewGuid().ToString("N")[..8];
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IStaffAccountsGrain>(0).SetAsync(
            new StaffAccount(userName, "测试窗口", StaffSignIn.Hash(userName, HospitalApp.StaffPassword), [Roles.Clerk]));
        return (await app.SignedInStaff(userName), userName);
    }

    /// <summary>A consultation-room bill of <paramref name="fen"/> for a new patient; its id.</summary>
    private async Task<string> IssueBillAsync(long fen)
    {
        var (patient, patientId) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        patient.Dispose();
        using var doctor = await app.SignedInStaff("doctor1");
        var issued = await doctor.PostAsJsonAsync("/api/bills", new { patientId, items = new[] { new { code = "US01", name = "腹部彩超", quantity = 1, unitPriceFen = fen } } });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (await issued.Json()).GetProperty("invoiceId").GetString()!;
    }

    /// <summary>A day of its own on which a new clerk took <paramref name="fen"/> in cash, and nothing else moved.</summary>
    private async Task<DateOnly> NextDayWithCashAsync(long fen)
    {
        var day = NextDay();
        var (clerk, _) = await NewClerkAsync();
        using var _c = clerk;
        await PayCashAsync(clerk, await IssueBillAsync(fen), fen);
        return day;
    }

    private static async Task PayCashAsync(HttpClient clerk, string invoiceId, long fen) =>
        (await clerk.PostAsJsonAsync($"/api/bills/{invoiceId}/window-payments", new { channel = "Cash", amountFen = fen, receiptNo = "W-" + invoiceId })).EnsureSuccessStatusCode();

    /// <summary>The non-famous pools on <paramref name="date"/> (the famous experts' small pools are left to their own tests).</summary>
    private static async Task<List<string>> PoolsOnAsync(HttpClient client, DateOnly date) =>
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/schedule?date={date:yyyy-MM-dd}"))!
            .Where(p => !p.GetProperty("doctor").GetProperty("famous").GetBoolean())
            .Select(p => p.GetProperty("poolId").GetString()!).ToList();

    private Task<Invoice?> BillOfBooking(string bookingId) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IInvoiceGrain>(RegistrationInvoices.IdFor(bookingId)).GetAsync();

    private static JsonElement Channel(JsonElement totals, string channel) =>
        totals.EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);

    [Fact]
    public async Task AClerksCashPaymentIsInTheirOwnTakingsAndNotInAnotherClerks()
    {
        var day = NextDay();
        var (alice, aliceName) = await NewClerkAsync();
        var (bob, _) = await NewClerkAsync();
        using var _a = alice;
        using var _b = bob;
        var bill = await IssueBillAsync(18_800);

        await PayCashAsync(alice, bill, 18_800);

        var hers = await alice.GetFromJsonAsync<JsonElement>($"/api/finance/takings?day={day:yyyy-MM-dd}");
        var his = await bob.GetFromJsonAsync<JsonElement>($"/api/finance/takings?day={day:yyyy-MM-dd}");
        var peek = await bob.GetAsync($"/api/finance/takings?day={day:yyyy-MM-dd}&clerk={aliceName}");

        Assert.Equal(aliceName, hers.GetProperty("takenBy").GetString());
        Assert.Equal(18_800, Channel(hers.GetProperty("channels"), "Cash").GetProperty("paymentsFen").GetInt64());
        Assert.Equal(1, Channel(hers.GetProperty("channels"), "Cash").GetProperty("payments").GetInt32());
        Assert.Equal(18_800, hers.GetProperty("netFen").GetInt64());
        Assert.Equal(0, his.GetProperty("netFen").GetInt64());
        await peek.AssertProblem(HttpStatusCode.Forbidden, "not-own-drawer");
    }

    [Fact]
    public async Task FinanceSeesEveryWindowOrOneClerksDrawer()
    {
        var day = NextDay();
        var (alice, aliceName) = await NewClerkAsync();
        var (bob, bobName) = await NewClerkAsync();
        using var _a = alice;
        using var _b = bob;
        await PayCashAsync(alice, await IssueBillAsync(5_000), 5_000);
        await PayCashAsync(bob, await IssueBillAsync(7_000), 7_000);
        using var finance = await app.SignedInStaff("finance1");

        var all = await finance.GetFromJsonAsync<JsonElement>($"/api/finance/takings?day={day:yyyy-MM-dd}");
        var bobs = await finance.GetFromJsonAsync<JsonElement>($"/api/finance/takings?day={day:yyyy-MM-dd}&clerk={bobName}");

        Assert.Equal(JsonValueKind.Null, all.GetProperty("takenBy").ValueKind);
        Assert.Equal(12_000, Channel(all.GetProperty("channels"), "Cash").GetProperty("paymentsFen").GetInt64());
        Assert.Equal(7_000, bobs.GetProperty("netFen").GetInt64());
        Assert.Equal(bobName, bobs.GetProperty("takenBy").GetString());
        Assert.NotEqual(aliceName, bobName);
    }

    [Fact]
    public async Task APatientCannotReadTakingsOrReconciliations()
    {
        var day = NextDay();
        var (patient, _) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        using var _p = patient;
        using var clerk = await app.SignedInStaff("clerk1");

        await (await patient.GetAsync($"/api/finance/takings?day={day:yyyy-MM-dd}")).AssertProblem(HttpStatusCode.Forbidden);
        await (await patient.PostAsync($"/api/finance/reconciliations/{day:yyyy-MM-dd}", null)).AssertProblem(HttpStatusCode.Forbidden);
        await (await clerk.PostAsync($"/api/finance/reconciliations/{day:yyyy-MM-dd}", null)).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ADayOfCashOnlyReconcilesBalancedWithNoWeChatMoneyOnEitherSide()
    {
        var day = await NextDayWithCashAsync(6_160);
        using var finance = await app.SignedInStaff("finance1");
        var path = $"/api/finance/reconciliations/{day:yyyy-MM-dd}";
        await (await finance.GetAsync(path)).AssertProblem(HttpStatusCode.NotFound);

        var ran = await finance.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.OK, ran.StatusCode);
        var run = await ran.Json();
        var report = run.GetProperty("report");
        Assert.Equal("finance1", run.GetProperty("ranBy").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("providerFault").ValueKind);
        Assert.True(report.GetProperty("balanced").GetBoolean(), report.ToString());
        Assert.Equal(6_160, Channel(report.GetProperty("ours"), "Cash").GetProperty("paymentsFen").GetInt64());
        Assert.Equal(0, Channel(report.GetProperty("ours"), "WeChat").GetProperty("netFen").GetInt64());
        Assert.Equal(0, report.GetProperty("provider").GetProperty("netFen").GetInt64());
        var stored = await finance.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(run.GetProperty("ranAt").GetDateTimeOffset(), stored.GetProperty("ranAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task ADayOfWeChatPaymentsAndARefundReconcilesBalanced()
    {
        var day = NextDay();
        var (first, firstId) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        var (second, secondId) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        using var _f = first;
        using var _s = second;
        var pools = await PoolsOnAsync(first, day.AddDays(3));
        var kept = await app.BookAndPayAsync(first, firstId, pools[0], "kept");
        var cancelled = (await app.BookAndPayAsync(second, secondId, pools[1], "cancelled")).GetProperty("bookingId").GetString()!;
        // Cancelled on the phone before the visit day: the fee goes back through WeChat Pay.
        (await second.DeleteAsync($"/api/bookings/{cancelled}")).EnsureSuccessStatusCode();
        await WeChatSteps.EventuallyAsync(() => BillOfBooking(cancelled), b => b?.Status == InvoiceStatus.Refunded, "the refund's result from WeChat Pay");
        var fees = (await BillOfBooking(kept.GetProperty("bookingId").GetString()!))!.TotalFen + (await BillOfBooking(cancelled))!.TotalFen;
        var refunded = (await BillOfBooking(cancelled))!.RefundedFen();
        using var finance = await app.SignedInStaff("finance1");

        var run = await (await finance.PostAsync($"/api/finance/reconciliations/{day:yyyy-MM-dd}", null)).Json();

        var report = run.GetProperty("report");
        Assert.Equal(JsonValueKind.Null, run.GetProperty("providerFault").ValueKind);
        Assert.True(report.GetProperty("balanced").GetBoolean(), report.ToString());
        foreach (var side in new[] { Channel(report.GetProperty("ours"), "WeChat"), report.GetProperty("provider") })
        {
            Assert.Equal(2, side.GetProperty("payments").GetInt32());
            Assert.Equal(fees, side.GetProperty("paymentsFen").GetInt64());
            Assert.Equal(1, side.GetProperty("refunds").GetInt32());
            Assert.Equal(refunded, side.GetProperty("refundsFen").GetInt64());
        }
    }

    [Fact]
    public async Task AWeChatPaymentNoInvoiceKnowsOfIsNamedAsMissingInOurRecords()
    {
        var day = NextDay();
        var outTradeNo = "ZZ" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant() + "-P001";
        using var merchant = new DemoMerchant(app);
        await merchant.PayAsync(outTradeNo, 2_500);
        using var finance = await app.SignedInStaff("finance1");

        var run = await (await finance.PostAsync($"/api/finance/reconciliations/{day:yyyy-MM-dd}", null)).Json();

        var report = run.GetProperty("report");
        Assert.Equal(JsonValueKind.Null, run.GetProperty("providerFault").ValueKind);
        Assert.False(report.GetProperty("balanced").GetBoolean());
        var mismatch = Assert.Single(report.GetProperty("mismatches").EnumerateArray());
        Assert.Equal("MissingInOurRecords", mismatch.GetProperty("kind").GetString());
        Assert.Equal("Payment", mismatch.GetProperty("entry").GetString());
        Assert.Equal(outTradeNo, mismatch.GetProperty("reference").GetString());
        Assert.Equal(2_500, mismatch.GetProperty("theirs").GetProperty("amountFen").GetInt64());
        Assert.Equal(2_500, report.GetProperty("provider").GetProperty("netFen").GetInt64());
    }

    [Fact]
    public async Task EachMorningAt1030YesterdayIsReconciledWithoutAnyoneAsking()
    {
        var day = await NextDayWithCashAsync(3_300);
        using var finance = await app.SignedInStaff("finance1");

        app.Time.SetUtcNow(HospitalTime.At(day.AddDays(1), new TimeOnly(10, 31)));

        var run = await WeChatSteps.EventuallyAsync(
            async () => await finance.GetAsync($"/api/finance/reconciliations/{day:yyyy-MM-dd}") is { StatusCode: HttpStatusCode.OK } found ? await found.Json() : (JsonElement?)null,
            found => found is { } r && r.GetProperty("ranBy").GetString() == "system:daily-reconciliation", "the 10:30 run");
        var report = run!.Value.GetProperty("report");
        Assert.True(report.GetProperty("balanced").GetBoolean(), report.ToString());
        Assert.Equal(3_300, Channel(report.GetProperty("ours"), "Cash").GetProperty("paymentsFen").GetInt64());
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("20261201")]
    [InlineData("yesterday")]
    public async Task ABadDayIsRefusedAndNothingIsRun(string day)
    {
        using var finance = await app.SignedInStaff("finance1");

        await (await finance.GetAsync($"/api/finance/takings?day={day}")).AssertProblem(HttpStatusCode.BadRequest, "invalid");
        await (await finance.PostAsync($"/api/finance/reconciliations/{day}", null)).AssertProblem(HttpStatusCode.BadRequest, "invalid");
        await (await finance.GetAsync($"/api/finance/reconciliations/{day}")).AssertProblem(HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task ADayStillToComeIsNotReconciled()
    {
        var tomorrow = HospitalTime.Today(app.Time.GetUtcNow()).AddDays(1);
        using var finance = await app.SignedInStaff("finance1");

        await (await finance.PostAsync($"/api/finance/reconciliations/{tomorrow:yyyy-MM-dd}", null)).AssertProblem(HttpStatusCode.BadRequest, "invalid");
        await (await finance.GetAsync($"/api/finance/reconciliations/{tomorrow:yyyy-MM-dd}")).AssertProblem(HttpStatusCode.NotFound);
    }
}

/// <summary>
/// The merchant itself, outside the platform: its own WeChatPayClient from the same settings the
/// platform has, opening and paying an order that no invoice of ours knows.
/// </summary>
internal sealed class DemoMerchant : IDisposable
{
    private readonly HospitalApp _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly PaySigner _signer;
    private readonly PayNotificationVerifier _verifier;
    private readonly WeChatPayClient _client;

    public DemoMerchant(HospitalApp app)
    {
        _app = app;
        var settings = DemoPay.PlatformSettings(app.WeChat.BaseUrl, app.BaseUrl);
        var options = Microsoft.Extensions.Options.Options.Create(new WeChatPayOptions
        {
            MchId = settings["WeChatPay:MchId"],
            AppId = settings["WeChatPay:AppId"],
            MerchantSerialNo = settings["WeChatPay:MerchantSerialNo"],
            MerchantPrivateKeyPem = settings["WeChatPay:MerchantPrivateKeyPem"],
            ApiV3Key = settings["WeChatPay:ApiV3Key"],
            PlatformPublicKeyId = settings["WeChatPay:PlatformPublicKeyId"],
            PlatformPublicKeyPem = settings["WeChatPay:PlatformPublicKeyPem"],
            ApiBaseUrl = settings["WeChatPay:ApiBaseUrl"],
            NotifyUrl = settings["WeChatPay:NotifyUrl"],
        });
        _signer = new PaySigner(options);
        _verifier = new PayNotificationVerifier(options, app.Time);
        _client = new WeChatPayClient(_http, options, _signer, _verifier, app.Time);
    }

    /// <summary>Opens a JSAPI order and pays it at the simulator's cashier.</summary>
    public async Task PayAsync(string outTradeNo, int fen)
    {
        var order = await _client.CreateJsapiOrderAsync(new JsapiOrderRequest
        {
            Description = "门诊缴费",
            OutTradeNo = outTradeNo,
            Amount = new OrderAmount(fen),
            Payer = new Payer(WeChatWire.OpenId()),
        }, CancellationToken.None);
        Assert.True(order.Ok, order.ToString());
        (await _app.WeChat.Client.PostAsJsonAsync($"/sim/api/pay/{order.Value!.PrepayId}/pay", new { })).EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
        _verifier.Dispose();
    }
}

/// <summary>The finance tests move their app's clock by days; they get an app of their own.</summary>
[CollectionDefinition(Name)]
public sealed class FinanceCollection : ICollectionFixture<HospitalApp>
{
    public const string Name = "finance";
}
