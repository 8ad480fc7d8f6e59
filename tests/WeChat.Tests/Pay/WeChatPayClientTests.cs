using System.Net;
using System.Security.Cryptography;
using HospitalOrleans.WeChat.Pay;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WeChat.Tests.Pay;

public sealed class WeChatPayClientTests : IDisposable
{
    private readonly FakeTimeProvider clock = PayTest.Clock();
    private readonly FakePayServer server;
    private readonly PaySigner signer = PayTest.MerchantSigner();
    private readonly PayPlatformKeys keys = PayTest.Keys(PayVectorsThirdParty.GunsluoCertificate);
    private readonly RSA merchantPublicKey = PayTest.CertificateKey(PayVectors.NotifyCertificate);

    public WeChatPayClientTests() => server = new FakePayServer(clock);

    public void Dispose()
    {
        server.Dispose();
        signer.Dispose();
        keys.Dispose();
        merchantPublicKey.Dispose();
    }

    [Fact]
    public async Task CreatesAJsapiOrderWithTheDocumentedRequest()
    {
        server.Signed(HttpStatusCode.OK, """{"prepay_id":"wx201410272009395522657a690389285100"}""");
        var order = PayModelTests.Order() with { AppId = "", MchId = "", NotifyUrl = "" };

        var result = await Client().CreateJsapiOrderAsync(order, CancellationToken.None);

        Assert.Equal("wx201410272009395522657a690389285100", result.Value!.PrepayId);
        var request = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:5998/v3/pay/transactions/jsapi", request.Uri.AbsoluteUri);
        Assert.Equal(
            """{"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"挂号费-内科","out_trade_no":"ORDER-0001","time_expire":"2025-06-01T10:15:00+08:00","notify_url":"http://127.0.0.1:5000/pay/notify","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}""",
            request.BodyText);
        Assert.Equal("application/json", request.MediaType);
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.False(string.IsNullOrEmpty(request.Header("User-Agent")));
        AssertSignedByTheMerchant(request);
    }

    [Fact]
    public async Task PayParametersAreSignedForTheOptionsAppIdNow()
    {
        var parameters = Client().PayParameters("wx201410272009395522657a690389285100");

        Assert.Equal(PayTest.AppId, parameters.AppId);
        Assert.Equal(PayTest.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), parameters.TimeStamp);
        Assert.True(PayKeys.Verify(merchantPublicKey, PaySigner.PayMessage(parameters.AppId, PayTest.Now.ToUnixTimeSeconds(), parameters.NonceStr, parameters.Package), parameters.PaySign));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task QueriesAnOrderByOutTradeNo()
    {
        server.Signed(HttpStatusCode.OK, PayVectorsThirdParty.GunsluoNotifyDecrypted);

        var result = await Client().QueryOrderByOutTradeNoAsync("S20210128170702357723", CancellationToken.None);

        Assert.Equal(TradeState.Success, result.Value!.TradeState);
        Assert.Equal(1, result.Value.Amount!.Total);
        var request = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/v3/pay/transactions/out-trade-no/S20210128170702357723?mchid=1230000109", request.Uri.PathAndQuery);
        Assert.Empty(request.Body);
        AssertSignedByTheMerchant(request);
    }

    [Fact]
    public async Task QueriesAnOrderByTransactionId()
    {
        server.Signed(HttpStatusCode.OK, PayVectorsThirdParty.GunsluoNotifyDecrypted);

        var result = await Client().QueryOrderByTransactionIdAsync("4200000925202101284997714292", CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal("/v3/pay/transactions/id/4200000925202101284997714292?mchid=1230000109", server.Requests[0].Uri.PathAndQuery);
    }

    [Fact]
    public async Task SignsThePathExactlyAsSentWhenTheOrderNumberIsEscaped()
    {
        server.Signed(HttpStatusCode.OK, """{"out_trade_no":"A|b*123","trade_state":"NOTPAY"}""");

        var result = await Client().QueryOrderByOutTradeNoAsync("A|b*123", CancellationToken.None);

        Assert.Equal(TradeState.NotPay, result.Value!.TradeState);
        Assert.StartsWith("/v3/pay/transactions/out-trade-no/A%7Cb%2A123?", server.Requests[0].Uri.PathAndQuery, StringComparison.Ordinal);
        AssertSignedByTheMerchant(server.Requests[0]);
    }

    [Fact]
    public async Task ClosesAnOrderAndAcceptsASigned204()
    {
        server.Signed(HttpStatusCode.NoContent, "");

        var result = await Client().CloseOrderAsync("ORDER-0001", CancellationToken.None);

        Assert.True(result.Value);
        var request = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v3/pay/transactions/out-trade-no/ORDER-0001/close", request.Uri.PathAndQuery);
        Assert.Equal("""{"mchid":"1230000109"}""", request.BodyText);
        AssertSignedByTheMerchant(request);
    }

    [Fact]
    public async Task AnUnsigned204IsRefused()
    {
        server.Unsigned(HttpStatusCode.NoContent, "");

        var result = await Client().CloseOrderAsync("ORDER-0001", CancellationToken.None);

        Assert.Equal(PayErrorCodes.LocalResponseSignature, result.Error!.Code);
        Assert.Equal("the answer's signature check failed: Malformed", result.Error.Message);
    }

    [Fact]
    public async Task CreatesARefundWithTheConfiguredRefundNotifyUrl()
    {
        server.Signed(HttpStatusCode.OK, """{"refund_id":"50000000382019052709732678859","out_refund_no":"REFUND-0001","transaction_id":"4200000925202101284997714292","out_trade_no":"ORDER-0001","channel":"ORIGINAL","user_received_account":"支付用户零钱","create_time":"2025-06-01T10:00:01+08:00","status":"PROCESSING","amount":{"total":100,"refund":100,"payer_total":100,"payer_refund":100,"settlement_refund":100,"settlement_total":100,"discount_refund":0,"currency":"CNY"}}""");
        var options = PayTest.Options();
        options.RefundNotifyUrl = "http://127.0.0.1:5000/pay/refund";

        var result = await Client(options).CreateRefundAsync(PayModelTests.Refund(), CancellationToken.None);

        Assert.Equal(RefundStatus.Processing, result.Value!.Status);
        Assert.Equal(100, result.Value.Amount!.PayerRefund);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v3/refund/domestic/refunds", request.Uri.PathAndQuery);
        Assert.Equal(
            """{"out_trade_no":"ORDER-0001","out_refund_no":"REFUND-0001","reason":"患者取消挂号","notify_url":"http://127.0.0.1:5000/pay/refund","amount":{"refund":100,"total":100,"currency":"CNY"}}""",
            request.BodyText);
        AssertSignedByTheMerchant(request);
    }

    [Fact]
    public async Task QueriesARefund()
    {
        server.Signed(HttpStatusCode.OK, """{"refund_id":"5000","out_refund_no":"REFUND-0001","status":"SUCCESS","success_time":"2025-06-01T10:00:05+08:00","amount":{"total":100,"refund":100}}""");

        var result = await Client().QueryRefundAsync("REFUND-0001", CancellationToken.None);

        Assert.Equal(RefundStatus.Success, result.Value!.Status);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 10, 0, 5, TimeSpan.FromHours(8)), result.Value.SuccessTime);
        Assert.Equal(HttpMethod.Get, server.Requests[0].Method);
        Assert.Equal("/v3/refund/domestic/refunds/REFUND-0001", server.Requests[0].Uri.PathAndQuery);
    }

    [Fact]
    public async Task AWeChatPayErrorBecomesAResult()
    {
        server.Error(HttpStatusCode.NotFound, "ORDER_NOT_EXIST", "订单不存在", requestId: "08F78BB5AF0610D302");

        var result = await Client().QueryOrderByOutTradeNoAsync("ORDER-0001", CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(new PayError("ORDER_NOT_EXIST", "订单不存在", 404) { RequestId = "08F78BB5AF0610D302" }, result.Error);
        Assert.False(result.Error!.IsRetryable);
    }

    [Fact]
    public async Task AServerErrorIsRetryable()
    {
        server.Error(HttpStatusCode.InternalServerError, "SYSTEM_ERROR", "系统错误");

        var result = await Client().CreateRefundAsync(PayModelTests.Refund(), CancellationToken.None);

        Assert.Equal("SYSTEM_ERROR", result.Error!.Code);
        Assert.True(result.Error.IsRetryable);
    }

    [Fact]
    public async Task AnErrorWithoutJsonStillBecomesAResult()
    {
        server.Unsigned(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        var result = await Client().CloseOrderAsync("ORDER-0001", CancellationToken.None);

        Assert.Equal(new PayError("HTTP_502", "the error answer has no code", 502), result.Error);
        Assert.True(result.Error!.IsRetryable);
    }

    [Fact]
    public async Task AnAnswerWithABadSignatureIsRefused()
    {
        server.Signed(HttpStatusCode.OK, """{"prepay_id":"wx-forged"}""", signedBody: """{"prepay_id":"wx-genuine"}""");

        var result = await Client().CreateJsapiOrderAsync(PayModelTests.Order(), CancellationToken.None);

        Assert.Null(result.Value);
        Assert.Equal(PayErrorCodes.LocalResponseSignature, result.Error!.Code);
        Assert.Equal("the answer's signature check failed: BadSignature", result.Error.Message);
    }

    [Fact]
    public async Task AStaleAnswerIsRefused()
    {
        server.Signed(HttpStatusCode.OK, """{"prepay_id":"wx1"}""", timestamp: PayTest.Now.ToUnixTimeSeconds() - 300);

        var result = await Client().CreateJsapiOrderAsync(PayModelTests.Order(), CancellationToken.None);

        Assert.Equal("the answer's signature check failed: Stale", result.Error!.Message);
    }

    [Fact]
    public async Task AnAnswerSignedByAnUnknownKeyIsRefused()
    {
        using var otherKeys = PayTest.Keys(PayVectors.NotifyCertificate);
        server.Signed(HttpStatusCode.OK, """{"prepay_id":"wx1"}""");
        var client = new WeChatPayClient(server.Client(), PayTest.Options().Wrap(), signer, PayNotificationVerifier.WithKeys(otherKeys, clock), clock);

        var result = await client.CreateJsapiOrderAsync(PayModelTests.Order(), CancellationToken.None);

        Assert.Equal("the answer's signature check failed: UnknownSerial", result.Error!.Message);
    }

    [Fact]
    public async Task ASignedAnswerOfTheWrongShapeIsUnreadable()
    {
        server.Signed(HttpStatusCode.OK, "{}");

        var result = await Client().CreateJsapiOrderAsync(PayModelTests.Order(), CancellationToken.None);

        Assert.Equal(new PayError(PayErrorCodes.LocalUnreadableResponse, "unreadable response: the order answer is not of the documented shape", 200), result.Error);
    }

    [Fact]
    public async Task AnInvalidRequestIsNotSent()
    {
        var result = await Client().CreateJsapiOrderAsync(PayModelTests.Order() with { Amount = new OrderAmount(0) }, CancellationToken.None);
        var query = await Client().QueryOrderByOutTradeNoAsync("../../v3/refund", CancellationToken.None);
        var refund = await Client().CreateRefundAsync(PayModelTests.Refund() with { Amount = new RefundRequestAmount(200, 100) }, CancellationToken.None);

        Assert.Equal(new PayError(PayErrorCodes.LocalInvalidRequest, "amount.total must be a positive number of fen."), result.Error);
        Assert.Equal(PayErrorCodes.LocalInvalidRequest, query.Error!.Code);
        Assert.Equal(PayErrorCodes.LocalInvalidRequest, refund.Error!.Code);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task WeChatsHostRefusesAnHttpNotifyUrl()
    {
        var options = PayTest.Options(WeChatPayOptions.WeChatApiBaseUrl);

        var result = await Client(options).CreateJsapiOrderAsync(PayModelTests.Order() with { NotifyUrl = "" }, CancellationToken.None);

        Assert.Equal(PayErrorCodes.LocalInvalidRequest, result.Error!.Code);
        Assert.Contains("notify_url", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATransportFailureBecomesAResultWithoutTheUrl()
    {
        server.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:5998/v3/billdownload/file?token=SECRET)"));

        var result = await Client().QueryRefundAsync("REFUND-0001", CancellationToken.None);

        Assert.Equal(new PayError(PayErrorCodes.LocalTransport, "transport: request failed (ConnectionError)"), result.Error);
        Assert.True(result.Error!.IsRetryable);
        Assert.DoesNotContain("SECRET", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimeoutBecomesAResultButACancellationIsRethrown()
    {
        server.Throw(new TaskCanceledException("timed out", new TimeoutException()));
        var result = await Client().QueryRefundAsync("REFUND-0001", CancellationToken.None);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        server.Throw(new TaskCanceledException("cancelled", null, cancelled.Token));

        Assert.Equal(new PayError(PayErrorCodes.LocalTransport, "transport: timed out"), result.Error);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().QueryRefundAsync("REFUND-0001", cancelled.Token));
    }

    [Fact]
    public async Task DownloadsTheTradeBillCheckingItsSha1()
    {
        server.Signed(HttpStatusCode.OK, $$"""{"download_url":"http://127.0.0.1:5998/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO","hash_type":"SHA1","hash_value":"{{PayVectorsThirdParty.GunsluoBillSha1}}"}""")
            .Bytes(PayVectorsThirdParty.GunsluoBillBytes());

        var result = await Client().DownloadTradeBillAsync(new DateOnly(2021, 1, 28), CancellationToken.None);

        Assert.Equal(3, result.Value!.Rows.Count);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("/v3/bill/tradebill?bill_date=2021-01-28", server.Requests[0].Uri.PathAndQuery);
        Assert.Equal(HttpMethod.Get, server.Requests[1].Method);
        Assert.Equal("/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO", server.Requests[1].Uri.PathAndQuery);
        AssertSignedByTheMerchant(server.Requests[0]);
        AssertSignedByTheMerchant(server.Requests[1]);
    }

    [Fact]
    public async Task ABillThatIsNotTheAnnouncedOneIsRefused()
    {
        var bill = PayVectorsThirdParty.GunsluoBillBytes();
        bill[^5] = (byte)'1';
        server.Signed(HttpStatusCode.OK, $$"""{"download_url":"http://127.0.0.1:5998/v3/billdownload/file?token=t","hash_type":"SHA1","hash_value":"{{PayVectorsThirdParty.GunsluoBillSha1}}"}""")
            .Bytes(bill);

        var result = await Client().DownloadTradeBillAsync(new DateOnly(2021, 1, 28), CancellationToken.None);

        Assert.Equal(PayErrorCodes.LocalBillHashMismatch, result.Error!.Code);
    }

    [Fact]
    public async Task ABillInAnotherFormatIsUnreadable()
    {
        var bill = "hello"u8.ToArray();
        server.Signed(HttpStatusCode.OK, $$"""{"download_url":"http://127.0.0.1:5998/v3/billdownload/file?token=t","hash_type":"SHA1","hash_value":"{{Convert.ToHexStringLower(SHA1.HashData(bill))}}"}""")
            .Bytes(bill);

        var result = await Client().DownloadTradeBillAsync(new DateOnly(2021, 1, 28), CancellationToken.None);

        Assert.Equal(PayErrorCodes.LocalBillUnreadable, result.Error!.Code);
    }

    [Theory]
    [InlineData("http://evil.example/v3/billdownload/file?token=t")]
    [InlineData("http://127.0.0.1:5999/v3/billdownload/file?token=t")]
    [InlineData("https://127.0.0.1:5998/v3/billdownload/file?token=t")]
    [InlineData("/v3/billdownload/file?token=t")]
    public async Task TheBillIsFetchedOnlyFromTheApiHost(string downloadUrl)
    {
        server.Signed(HttpStatusCode.OK, $$"""{"download_url":"{{downloadUrl}}","hash_type":"SHA1","hash_value":"{{PayVectorsThirdParty.GunsluoBillSha1}}"}""");

        var result = await Client().DownloadTradeBillAsync(new DateOnly(2021, 1, 28), CancellationToken.None);

        Assert.Equal("unreadable response: the bill's download_url is not on the API host", result.Error!.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task NoBillYetIsAResult()
    {
        server.Error(HttpStatusCode.BadRequest, "NO_STATEMENT_EXIST", "要查询的账单不存在");

        var result = await Client().DownloadTradeBillAsync(new DateOnly(2025, 5, 31), CancellationToken.None);

        Assert.Equal(PayErrorCodes.NoStatementExist, result.Error!.Code);
    }

    [Fact]
    public void WeChatsHostCannotBeUsedWithoutAVerifier()
    {
        Assert.Throws<ArgumentException>(() => new WeChatPayClient(server.Client(), PayTest.Options(WeChatPayOptions.WeChatApiBaseUrl).Wrap(), signer, null, clock));
    }

    [Fact]
    public async Task ASimulatorMayRunWithoutVerification()
    {
        server.Unsigned(HttpStatusCode.OK, """{"prepay_id":"wx1"}""");
        var client = new WeChatPayClient(server.Client(), PayTest.Options().Wrap(), signer, null, clock);

        var result = await client.CreateJsapiOrderAsync(PayModelTests.Order(), CancellationToken.None);

        Assert.Equal("wx1", result.Value!.PrepayId);
    }

    [Fact]
    public async Task AnApiBaseUrlWithAPathPrefixIsSignedWithThePrefix()
    {
        server.Signed(HttpStatusCode.NoContent, "");

        var result = await Client(PayTest.Options("http://127.0.0.1:5998/wechatpay/")).CloseOrderAsync("ORDER-0001", CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal("/wechatpay/v3/pay/transactions/out-trade-no/ORDER-0001/close", server.Requests[0].Uri.PathAndQuery);
        AssertSignedByTheMerchant(server.Requests[0]);
    }

    private WeChatPayClient Client(WeChatPayOptions? options = null) =>
        new(server.Client(), (options ?? PayTest.Options()).Wrap(), signer, PayNotificationVerifier.WithKeys(keys, clock), clock);

    /// <summary>What a WeChat Pay server checks: the Authorization header over the request as it arrived.</summary>
    private void AssertSignedByTheMerchant(PayRequestRecord request)
    {
        var authorization = PayAuthorization.TryParse(request.Header("Authorization"));
        Assert.NotNull(authorization);
        Assert.Equal(PayTest.MchId, authorization.MchId);
        Assert.Equal(PayTest.MerchantSerial, authorization.SerialNo);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), authorization.Timestamp);
        Assert.Equal(32, authorization.NonceStr.Length);
        var message = PaySigner.RequestMessage(request.Method.Method, request.Uri.PathAndQuery, authorization.Timestamp, authorization.NonceStr, request.BodyText);
        Assert.True(PayKeys.Verify(merchantPublicKey, message, authorization.Signature));
    }
}
