using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.WeChat.Tests.Pay;

public sealed class PayModelTests
{
    [Fact]
    public void WritesTheJsapiOrderOfTheDocs()
    {
        // PROTOCOL.md §10 "Create JSAPI order" (notify_url elided there; any https URL without query).
        var request = new JsapiOrderRequest
        {
            AppId = "wxd678efh567hg6787",
            MchId = "1230000109",
            Description = "Image形象店-深圳腾大-QQ公仔",
            OutTradeNo = "1217752501201407033233368018",
            TimeExpire = new DateTimeOffset(2018, 6, 8, 2, 34, 56, TimeSpan.Zero),
            Attach = "自定义数据",
            NotifyUrl = "https://www.weixin.qq.com/wxpay/pay.php",
            Amount = new OrderAmount(100),
            Payer = new Payer("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"),
        };

        Assert.Equal(
            """{"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","time_expire":"2018-06-08T10:34:56+08:00","attach":"自定义数据","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}""",
            request.ToJson());
        Assert.Empty(request.Validate(new DateTimeOffset(2018, 6, 8, 10, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void LeavesOutTheOptionalFieldsAndDropsFractionsOfASecond()
    {
        var request = Order() with { Attach = null, TimeExpire = new DateTimeOffset(2025, 6, 1, 10, 30, 0, 999, TimeSpan.FromHours(8)) };

        var json = request.ToJson();

        Assert.DoesNotContain("attach", json, StringComparison.Ordinal);
        Assert.Contains("\"time_expire\":\"2025-06-01T10:30:00+08:00\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("time_expire", (request with { TimeExpire = null }).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheSkitTransactionResourceIgnoringWhatItDoesNotModel()
    {
        var transaction = Transaction.Parse(PayVectorsThirdParty.SkitTransactionResource)!;

        Assert.Equal("wxd678efh567hg6787", transaction.AppId);
        Assert.Equal("1230000109", transaction.MchId);
        Assert.Equal("1217752501201407033233368018", transaction.OutTradeNo);
        Assert.Equal("1217752501201407033233368018", transaction.TransactionId);
        Assert.Equal("MICROPAY", transaction.TradeType);
        Assert.Equal(TradeState.Success, transaction.TradeState);
        Assert.Equal("支付成功", transaction.TradeStateDesc);
        Assert.Equal("CMC", transaction.BankType);
        Assert.Equal("自定义数据", transaction.Attach);
        Assert.Equal(new DateTimeOffset(2018, 6, 8, 10, 34, 56, TimeSpan.FromHours(8)), transaction.SuccessTime);
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", transaction.Payer!.OpenId);
        Assert.Equal(100, transaction.Amount!.Total);
        Assert.Equal(100, transaction.Amount.PayerTotal);
        Assert.DoesNotContain("oUpF8", transaction.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheSkitRefundResource()
    {
        var refund = RefundResource.Parse(PayVectorsThirdParty.SkitRefundResource)!;

        Assert.Equal("1900000100", refund.MchId);
        Assert.Equal("1008450740201411110005820873", refund.TransactionId);
        Assert.Equal("20150806125346", refund.OutTradeNo);
        Assert.Equal("50200207182018070300011301001", refund.RefundId);
        Assert.Equal("7752501201407033233368018", refund.OutRefundNo);
        Assert.Equal(RefundStatus.Success, refund.RefundStatus);
        Assert.Equal(new DateTimeOffset(2018, 6, 8, 10, 34, 56, TimeSpan.FromHours(8)), refund.SuccessTime);
        Assert.Equal("招商银行信用卡0403", refund.UserReceivedAccount);
        Assert.Equal(new RefundAmount { Total = 999, Refund = 999, PayerTotal = 999, PayerRefund = 999 }, refund.Amount);
    }

    [Theory]
    [InlineData("SUCCESS", TradeState.Success)]
    [InlineData("REFUND", TradeState.Refund)]
    [InlineData("NOTPAY", TradeState.NotPay)]
    [InlineData("CLOSED", TradeState.Closed)]
    [InlineData("REVOKED", TradeState.Revoked)]
    [InlineData("USERPAYING", TradeState.UserPaying)]
    [InlineData("PAYERROR", TradeState.PayError)]
    [InlineData("ACCEPT", TradeState.Accept)]
    [InlineData("SOMETHING_NEW", TradeState.Unknown)]
    [InlineData("success", TradeState.Unknown)]
    public void ReadsEveryTradeStateAndToleratesNewOnes(string wire, TradeState expected)
    {
        var transaction = Transaction.Parse($$"""{"out_trade_no":"ORDER-0001","trade_state":"{{wire}}"}""")!;

        Assert.Equal(expected, transaction.TradeState);
        if (expected != TradeState.Unknown)
        {
            Assert.Contains($"\"trade_state\":\"{wire}\"", transaction.ToJson(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("SUCCESS", RefundStatus.Success)]
    [InlineData("CLOSED", RefundStatus.Closed)]
    [InlineData("PROCESSING", RefundStatus.Processing)]
    [InlineData("ABNORMAL", RefundStatus.Abnormal)]
    [InlineData("NEW", RefundStatus.Unknown)]
    public void ReadsEveryRefundStatus(string wire, RefundStatus expected)
    {
        Assert.Equal(expected, PayJson.Read<RefundResult>($$"""{"out_refund_no":"R1","status":"{{wire}}"}""")!.Status);
    }

    [Fact]
    public void ReadsARefundAnswerOfTheWechatpayGoModel()
    {
        const string answer = """{"refund_id":"50000000382019052709732678859","out_refund_no":"1217752501201407033233368018","transaction_id":"1217752501201407033233368018","out_trade_no":"1217752501201407033233368018","channel":"ORIGINAL","user_received_account":"招商银行信用卡0403","success_time":"2020-12-01T16:18:12+08:00","create_time":"2020-12-01T16:18:12+08:00","status":"SUCCESS","funds_account":"UNSETTLED","amount":{"total":100,"refund":100,"from":[],"payer_total":90,"payer_refund":90,"settlement_refund":100,"settlement_total":100,"discount_refund":10,"currency":"CNY"}}""";

        var refund = PayJson.Read<RefundResult>(answer)!;

        Assert.Equal(RefundStatus.Success, refund.Status);
        Assert.Equal("ORIGINAL", refund.Channel);
        Assert.Equal(10, refund.Amount!.DiscountRefund);
        Assert.Equal(90, refund.Amount.PayerRefund);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"out_trade_no":"ORDER-0001","amount":{"total":1.5}}""")]
    [InlineData("""{"out_trade_no":"ORDER-0001","success_time":"2018-06-08 10:34:56"}""")]
    [InlineData("""{"out_trade_no":"ORDER-0001","trade_state":7}""")]
    [InlineData("""{"trade_state":"SUCCESS"}""")]
    [InlineData("")]
    [InlineData(null)]
    public void AHostileTransactionIsNullNotAnException(string? json)
    {
        Assert.Null(Transaction.Parse(json));
    }

    [Fact]
    public void AValidOrderHasNoFaults()
    {
        Assert.Empty(Order().Validate(PayTest.Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void TheAmountMustBePositive(int total)
    {
        var faults = (Order() with { Amount = new OrderAmount(total) }).Validate(PayTest.Now);

        Assert.Equal(["amount.total must be a positive number of fen."], faults);
    }

    [Theory]
    [InlineData("A2345")]
    [InlineData("123456789012345678901234567890123")]
    [InlineData("ORDER#0001")]
    [InlineData("ORDER 0001")]
    [InlineData("订单000001")]
    [InlineData("ORDER@0001")]
    [InlineData("ORDER/../1")]
    [InlineData("")]
    public void OutTradeNoMustBeSixToThirtyTwoAllowedCharacters(string outTradeNo)
    {
        var faults = (Order() with { OutTradeNo = outTradeNo }).Validate(PayTest.Now);

        Assert.Equal(["out_trade_no must be 6 to 32 of 0-9 A-Z a-z _ - | *."], faults);
    }

    [Theory]
    [InlineData("A23456")]
    [InlineData("12345678901234567890123456789012")]
    [InlineData("a_b-c|d*9")]
    public void OutTradeNoAcceptsTheDocumentedAlphabet(string outTradeNo)
    {
        Assert.Empty((Order() with { OutTradeNo = outTradeNo }).Validate(PayTest.Now));
    }

    [Fact]
    public void TimeExpireMustBeInTheFuture()
    {
        Assert.Equal(["time_expire must be in the future."], (Order() with { TimeExpire = PayTest.Now.AddMinutes(-1) }).Validate(PayTest.Now));
        Assert.Equal(["time_expire must be in the future."], (Order() with { TimeExpire = PayTest.Now }).Validate(PayTest.Now));
        Assert.Empty((Order() with { TimeExpire = PayTest.Now.AddSeconds(1) }).Validate(PayTest.Now));
    }

    [Fact]
    public void DescriptionAndAttachAreCountedInUtf8Bytes()
    {
        Assert.Empty((Order() with { Description = new string('挂', 42) }).Validate(PayTest.Now));
        Assert.Single((Order() with { Description = new string('挂', 43) }).Validate(PayTest.Now));
        Assert.Single((Order() with { Description = new string('a', 128) }).Validate(PayTest.Now));
        Assert.Single((Order() with { Description = "" }).Validate(PayTest.Now));
        Assert.Empty((Order() with { Attach = new string('a', 128) }).Validate(PayTest.Now));
        Assert.Single((Order() with { Attach = new string('a', 129) }).Validate(PayTest.Now));
    }

    [Theory]
    [InlineData("http://hospital.example/pay/notify", false, 1)]
    [InlineData("http://hospital.example/pay/notify", true, 0)]
    [InlineData("https://hospital.example/pay/notify?order=1", false, 1)]
    [InlineData("https://hospital.example/pay/notify#x", false, 1)]
    [InlineData("/pay/notify", false, 1)]
    [InlineData("ftp://hospital.example/pay/notify", true, 1)]
    [InlineData("https://hospital.example/pay/notify", false, 0)]
    public void NotifyUrlMustBeHttpsWithoutQuery(string url, bool allowHttp, int faultCount)
    {
        Assert.Equal(faultCount, (Order() with { NotifyUrl = url }).Validate(PayTest.Now, allowHttp).Count);
    }

    [Fact]
    public void OtherOrderFaultsAreEachNamed()
    {
        var faults = (Order() with { AppId = "", MchId = "12a", Amount = new OrderAmount(1, "USD"), Payer = new Payer("") }).Validate(PayTest.Now);

        Assert.Equal(
            ["appid is required (at most 32 characters).", "mchid must be 1 to 32 digits.", "amount.currency must be CNY.", "payer.openid is required (at most 128 characters)."],
            faults);
    }

    [Fact]
    public void AValidRefundHasNoFaults()
    {
        Assert.Empty(Refund().Validate());
        Assert.Empty((Refund() with { OutTradeNo = null, TransactionId = "4200000925202101284997714292" }).Validate());
        Assert.Empty((Refund() with { OutRefundNo = "R@1|2*3_4-5" }).Validate());
    }

    [Fact]
    public void RefundFaultsAreEachNamed()
    {
        Assert.Equal(["transaction_id or out_trade_no is required."], (Refund() with { OutTradeNo = null }).Validate());
        Assert.Equal(["amount.refund must not exceed amount.total."], (Refund() with { Amount = new RefundRequestAmount(101, 100) }).Validate());
        Assert.Equal(["amount.refund must be a positive number of fen."], (Refund() with { Amount = new RefundRequestAmount(0, 100) }).Validate());
        Assert.Equal(["out_refund_no must be 1 to 64 of 0-9 A-Z a-z _ - | * @."], (Refund() with { OutRefundNo = new string('R', 65) }).Validate());
        Assert.Equal(["out_refund_no must be 1 to 64 of 0-9 A-Z a-z _ - | * @."], (Refund() with { OutRefundNo = "" }).Validate());
        Assert.Equal(["reason must be at most 80 UTF-8 bytes."], (Refund() with { Reason = new string('退', 27) }).Validate());
        Assert.Equal(["transaction_id must be 1 to 32 digits."], (Refund() with { TransactionId = "42x" }).Validate());
        Assert.Single((Refund() with { NotifyUrl = "http://hospital.example/refund" }).Validate());
        Assert.Empty((Refund() with { NotifyUrl = "http://hospital.example/refund" }).Validate(allowHttpNotifyUrl: true));
    }

    [Fact]
    public void WritesTheRefundRequest()
    {
        Assert.Equal(
            """{"out_trade_no":"ORDER-0001","out_refund_no":"REFUND-0001","reason":"患者取消挂号","amount":{"refund":100,"total":100,"currency":"CNY"}}""",
            Refund().ToJson());
    }

    internal static JsapiOrderRequest Order() => new()
    {
        AppId = PayTest.AppId,
        MchId = PayTest.MchId,
        Description = "挂号费-内科",
        OutTradeNo = "ORDER-0001",
        TimeExpire = PayTest.Now.AddMinutes(15),
        NotifyUrl = "https://hospital.example/pay/notify",
        Amount = new OrderAmount(100),
        Payer = new Payer("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"),
    };

    internal static RefundRequest Refund() => new()
    {
        OutTradeNo = "ORDER-0001",
        OutRefundNo = "REFUND-0001",
        Reason = "患者取消挂号",
        Amount = new RefundRequestAmount(100, 100),
    };
}
