using System.Security.Cryptography;
using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.WeChatSimulator.Tests.Pay;

public sealed class PayTests
{
    [Fact]
    public async Task OrderGetsAPrepayIdAndQueriesAsNotPayWithSignedAnswers()
    {
        await using var pay = await PaySupport.StartAsync();

        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000001"));
        // The client checks every answer's Wechatpay-Signature against the platform key from /sim/api/pay/keys.
        var queried = await pay.Client.QueryOrderByOutTradeNoAsync("HO20250601000001", CancellationToken.None);

        Assert.StartsWith("wx", prepayId);
        Assert.True(queried.Ok, queried.ToString());
        Assert.Equal(TradeState.NotPay, queried.Value!.TradeState);
        Assert.Equal(1234, queried.Value.Amount!.Total);
        Assert.Null(queried.Value.TransactionId);
    }

    [Fact]
    public async Task UnsignedForgedAndStaleRequestsAreRefusedWithSignError()
    {
        await using var pay = await PaySupport.StartAsync();
        var order = PaySupport.Order("HO20250601000002") with { AppId = pay.Options.AppId, MchId = pay.Options.MchId, NotifyUrl = pay.Options.NotifyUrl };
        var body = order.ToJson();
        const string path = "/v3/pay/transactions/jsapi";
        using var otherKey = RSA.Create(2048);
        using var forger = new PaySigner(pay.Options.MchId, pay.Options.MerchantSerialNo, otherKey);
        var now = pay.Sim.Clock.GetUtcNow().ToUnixTimeSeconds();

        var unsigned = await pay.SendRawAsync(HttpMethod.Post, path, body, null);
        var forged = await pay.SendRawAsync(HttpMethod.Post, path, body, forger.AuthorizationHeader("POST", path, body, now, PaySigner.NewNonce()));
        var stale = await pay.SendRawAsync(HttpMethod.Post, path, body, pay.Authorize(HttpMethod.Post, path, body, now - 301));
        var otherBody = await pay.SendRawAsync(HttpMethod.Post, path, body.Replace("1234", "1", StringComparison.Ordinal), pay.Authorize(HttpMethod.Post, path, body));
        var good = await pay.SendRawAsync(HttpMethod.Post, path, body, pay.Authorize(HttpMethod.Post, path, body));

        foreach (var (status, answer) in new[] { unsigned, forged, stale, otherBody })
        {
            Assert.Equal(401, status);
            Assert.Equal("SIGN_ERROR", answer.GetProperty("code").GetString());
        }
        Assert.Equal(200, good.Status);
        Assert.StartsWith("wx", good.Body.GetProperty("prepay_id").GetString());
    }

    [Fact]
    public async Task BrokenBodyIsAParamError()
    {
        await using var pay = await PaySupport.StartAsync();
        var order = PaySupport.Order("HO20250601000003") with { AppId = pay.Options.AppId, MchId = pay.Options.MchId, NotifyUrl = "ftp://example.com/notify" };
        var body = order.ToJson();
        const string path = "/v3/pay/transactions/jsapi";

        var (status, answer) = await pay.SendRawAsync(HttpMethod.Post, path, body, pay.Authorize(HttpMethod.Post, path, body));

        Assert.Equal(400, status);
        Assert.Equal("PARAM_ERROR", answer.GetProperty("code").GetString());
        Assert.Contains("notify_url", answer.GetProperty("message").GetString());
    }

    [Fact]
    public async Task SameOutTradeNoGivesTheSamePrepayIdForTheSameBodyAndIsRefusedForAnother()
    {
        await using var pay = await PaySupport.StartAsync();
        var first = await pay.CreateAsync(PaySupport.Order("HO20250601000004"));

        var again = await pay.CreateAsync(PaySupport.Order("HO20250601000004"));
        var other = await pay.Client.CreateJsapiOrderAsync(PaySupport.Order("HO20250601000004", total: 999), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.False(other.Ok);
        Assert.Equal(("INVALID_REQUEST", "201 商户订单号重复", 400), (other.Error!.Code, other.Error.Message, other.Error.HttpStatus));
    }

    [Fact]
    public async Task PaymentSendsATransactionSuccessNotificationTheReaderAccepts()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000005", total: 2050));

        var paid = await pay.PayAsync(prepayId);
        var notice = await pay.WaitForAsync(n => n.Path == "/pay/transaction");

        Assert.Equal("SUCCESS", paid.GetProperty("code").GetString());
        Assert.True(notice.Read.Ok, notice.Read.ToString());
        Assert.Equal(PayEventTypes.TransactionSuccess, notice.Read.Notification!.EventType);
        Assert.Equal("transaction", notice.Read.Notification.Resource!.AssociatedData);
        Assert.Equal(12, notice.Read.Notification.Resource.Nonce.Length);
        var transaction = notice.Read.Transaction()!;
        Assert.Equal((TradeState.Success, 2050, pay.Options.MchId, "HO20250601000005"),
            (transaction.TradeState, transaction.Amount!.Total, transaction.MchId, transaction.OutTradeNo));
        Assert.Equal(paid.GetProperty("transaction_id").GetString(), transaction.TransactionId);
        Assert.NotNull(transaction.SuccessTime);
        var queried = await pay.Client.QueryOrderByOutTradeNoAsync("HO20250601000005", CancellationToken.None);
        Assert.Equal(TradeState.Success, queried.Value!.TradeState);
        var byId = await pay.Client.QueryOrderByTransactionIdAsync(transaction.TransactionId!, CancellationToken.None);
        Assert.Equal("HO20250601000005", byId.Value!.OutTradeNo);
        var orders = (await pay.Sim.GetJsonAsync("sim/api/pay/orders")).EnumerateArray().Single();
        Assert.Equal("SUCCESS", orders.GetProperty("trade_state").GetString());
        Assert.Equal(1, orders.GetProperty("notifications_acknowledged").GetInt32());
    }

    [Fact]
    public async Task DuplicateSwitchSendsTheSameNotificationTwice()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000006"));

        await pay.PayAsync(prepayId, new { duplicate = true });
        var second = await pay.WaitForAsync(n => n.Path == "/pay/transaction", count: 2);

        var first = pay.Received.First();
        Assert.True(first.Read.Ok && second.Read.Ok);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Read.Transaction()!.TransactionId, second.Read.Transaction()!.TransactionId);
    }

    [Theory]
    [InlineData("tamper_signature", PayNotificationStatus.BadSignature)]
    [InlineData("stale_timestamp", PayNotificationStatus.Stale)]
    public async Task BadNotificationsAreRefusedByTheReaderAndRetried(string fault, PayNotificationStatus expected)
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000007"));

        await pay.PayAsync(prepayId, new Dictionary<string, bool> { [fault] = true });
        var retried = await pay.WaitForAsync(n => n.Path == "/pay/transaction", count: 2);

        Assert.Equal(expected, pay.Received.First().Read.Status);
        Assert.Equal(expected, retried.Read.Status);
        Assert.Equal(pay.Received.First().Id, retried.Id);
    }

    [Fact]
    public async Task TamperedAmountIsValidlySignedButNotTheInvoicedAmount()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000008", total: 500));

        await pay.PayAsync(prepayId, new { tamper_amount = true });
        var notice = await pay.WaitForAsync(n => n.Path == "/pay/transaction");

        Assert.True(notice.Read.Ok);
        Assert.NotEqual(500, notice.Read.Transaction()!.Amount!.Total);
    }

    [Fact]
    public async Task LateSwitchDelaysTheNotification()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000009"));
        var started = DateTime.UtcNow;

        await pay.PayAsync(prepayId, new { delay_seconds = 1.0 });
        var notice = await pay.WaitForAsync(n => n.Path == "/pay/transaction");

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1));
        Assert.True(notice.Read.Ok);
    }

    [Fact]
    public async Task CloseAnUnpaidOrderButNotAPaidOne()
    {
        await using var pay = await PaySupport.StartAsync();
        var unpaid = await pay.CreateAsync(PaySupport.Order("HO20250601000010"));
        var paid = await pay.CreateAsync(PaySupport.Order("HO20250601000011"));
        await pay.PayAsync(paid);

        var closed = await pay.Client.CloseOrderAsync("HO20250601000010", CancellationToken.None);
        var refused = await pay.Client.CloseOrderAsync("HO20250601000011", CancellationToken.None);
        var payClosed = await pay.PayAsync(unpaid);

        Assert.True(closed.Ok, closed.ToString());
        Assert.Equal(TradeState.Closed, (await pay.Client.QueryOrderByOutTradeNoAsync("HO20250601000010", CancellationToken.None)).Value!.TradeState);
        Assert.Equal(PayErrorCodes.OrderPaid, refused.Error!.Code);
        Assert.Equal("ORDER_CLOSED", payClosed.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExpiredOrderCannotBePaid()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000012", expire: pay.Sim.Clock.GetUtcNow().AddMinutes(15)));
        pay.Sim.Clock.Advance(TimeSpan.FromMinutes(16));

        var answer = await pay.PayAsync(prepayId);

        Assert.Equal(("ORDER_EXPIRED", "订单已过期"), (answer.GetProperty("code").GetString(), answer.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task RefundIsProcessingThenSucceedsWithANotification()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000013", total: 1000));
        await pay.PayAsync(prepayId);
        var request = new RefundRequest { OutTradeNo = "HO20250601000013", OutRefundNo = "RF20250601000013", Reason = "退号", Amount = new RefundRequestAmount(600, 1000) };

        var refund = await pay.Client.CreateRefundAsync(request, CancellationToken.None);
        var again = await pay.Client.CreateRefundAsync(request, CancellationToken.None);
        var tooMuch = await pay.Client.CreateRefundAsync(request with { OutRefundNo = "RF20250601000014", Amount = new RefundRequestAmount(401, 1000) }, CancellationToken.None);
        var notice = await pay.WaitForAsync(n => n.Path == "/pay/refund");

        Assert.True(refund.Ok, refund.ToString());
        Assert.Equal(RefundStatus.Processing, refund.Value!.Status);
        Assert.Equal(refund.Value.RefundId, again.Value!.RefundId);
        Assert.Equal(PayErrorCodes.InvalidRequest, tooMuch.Error!.Code);
        Assert.True(notice.Read.Ok, notice.Read.ToString());
        Assert.Equal(PayEventTypes.RefundSuccess, notice.Read.Notification!.EventType);
        Assert.Equal("refund", notice.Read.Notification.Resource!.AssociatedData);
        var resource = notice.Read.Refund()!;
        Assert.Equal((RefundStatus.Success, 600, "RF20250601000013"), (resource.RefundStatus, resource.Amount!.Refund, resource.OutRefundNo));
        var queried = await pay.Client.QueryRefundAsync("RF20250601000013", CancellationToken.None);
        Assert.Equal(RefundStatus.Success, queried.Value!.Status);
        Assert.Equal(TradeState.Refund, (await pay.Client.QueryOrderByOutTradeNoAsync("HO20250601000013", CancellationToken.None)).Value!.TradeState);
    }

    [Fact]
    public async Task RefundAboveTheTotalAndOfAnUnpaidOrderAreRefused()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000015", total: 1000));
        var unpaid = await pay.Client.CreateRefundAsync(new RefundRequest { OutTradeNo = "HO20250601000015", OutRefundNo = "RF1", Amount = new RefundRequestAmount(100, 1000) }, CancellationToken.None);
        await pay.PayAsync(prepayId);

        // The client checks refund ≤ total itself; a total claimed higher than the order's is the simulator's to refuse.
        var above = await pay.Client.CreateRefundAsync(new RefundRequest { OutTradeNo = "HO20250601000015", OutRefundNo = "RF2", Amount = new RefundRequestAmount(1001, 1001) }, CancellationToken.None);

        Assert.Equal(PayErrorCodes.InvalidRequest, unpaid.Error!.Code);
        Assert.Equal(PayErrorCodes.InvalidRequest, above.Error!.Code);
    }

    [Fact]
    public async Task AbnormalSwitchEndsTheRefundAbnormal()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000016", total: 1000));
        await pay.PayAsync(prepayId);
        await pay.Sim.PostJsonAsync("sim/api/pay/faults", new { refund_abnormal = true });

        await pay.Client.CreateRefundAsync(new RefundRequest { OutTradeNo = "HO20250601000016", OutRefundNo = "RF16", Amount = new RefundRequestAmount(1000, 1000) }, CancellationToken.None);
        var notice = await pay.WaitForAsync(n => n.Path == "/pay/refund");

        Assert.Equal(PayEventTypes.RefundAbnormal, notice.Read.Notification!.EventType);
        Assert.Equal(RefundStatus.Abnormal, notice.Read.Refund()!.RefundStatus);
    }

    [Fact]
    public async Task TradeBillDownloadsParsesAndMatchesItsSha1()
    {
        await using var pay = await PaySupport.StartAsync();
        foreach (var (no, total) in new[] { ("HO20250601000017", 1234), ("HO20250601000018", 1) })
            await pay.PayAsync(await pay.CreateAsync(PaySupport.Order(no, total)));
        await pay.Client.CreateRefundAsync(new RefundRequest { OutTradeNo = "HO20250601000017", OutRefundNo = "RF17", Amount = new RefundRequestAmount(234, 1234) }, CancellationToken.None);
        await pay.WaitForAsync(n => n.Path == "/pay/refund");
        var day = DateOnly.FromDateTime(pay.Sim.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

        var location = await pay.Client.ApplyTradeBillAsync(day, CancellationToken.None);
        var file = await pay.SendRawAsBytesAsync(location.Value!.DownloadUrl);
        var bill = await pay.Client.DownloadTradeBillAsync(day, CancellationToken.None);
        var none = await pay.Client.ApplyTradeBillAsync(day.AddDays(-3), CancellationToken.None);

        Assert.Equal("SHA1", location.Value.HashType);
        Assert.Equal(location.Value.HashValue, Convert.ToHexStringLower(SHA1.HashData(file)), ignoreCase: true);
        Assert.True(TradeBillParser.Parse(file).Ok);
        Assert.True(bill.Ok, bill.ToString());
        Assert.Equal(3, bill.Value!.Rows.Count);
        Assert.Equal(1235, bill.Value.Summary.AmountFen);
        Assert.Equal(234, bill.Value.Summary.RefundAmountFen);
        Assert.Equal(PayErrorCodes.NoStatementExist, none.Error!.Code);
    }

    [Fact]
    public async Task PayPageShowsTheAmountInYuanAndItsButtonPays()
    {
        await using var pay = await PaySupport.StartAsync();
        var prepayId = await pay.CreateAsync(PaySupport.Order("HO20250601000019", total: 100005));

        var page = await pay.Sim.Http.GetStringAsync($"sim/pay/{prepayId}");
        using var confirm = await pay.Sim.Http.PostAsync($"sim/pay/{prepayId}/confirm", null);
        var notice = await pay.WaitForAsync(n => n.Path == "/pay/transaction");

        Assert.Contains("data-testid=\"pay-amount\">1000.05<", page);
        Assert.Contains("门诊挂号费-肿瘤内科", page);
        Assert.Contains("确认支付", page);
        Assert.Equal(System.Net.HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("支付成功", await confirm.Content.ReadAsStringAsync());
        Assert.True(notice.Read.Ok);
    }
}
