using System.Globalization;
using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.WeChat.Tests.Pay;

public sealed class PayNotificationReaderTests
{
    [Fact]
    public void ReadsTheProtocolNotification()
    {
        using var keys = PayTest.Keys(PayVectors.NotifyCertificate);
        var reader = new PayNotificationReader(PayNotificationVerifier.WithKeys(keys, PayTest.Clock(DateTimeOffset.FromUnixTimeSeconds(PayVectors.NotifyTimestamp))), PayVectors.NotifyApiV3Key);

        var read = reader.Read(PayNotificationVerifierTests.Headers(), PayTest.Utf8(PayVectors.NotifyBody));

        Assert.True(read.Ok);
        Assert.Equal(PayVectors.NotifyDecrypted, read.ResourceJson);
        Assert.Equal("3119dfba-e649-5eec-ab1e-3412bc4d2e17", read.Notification!.Id);
        Assert.Equal("PAYSCORE.USER_OPEN_SERVICE", read.Notification.EventType);
        Assert.Equal("encrypt-resource", read.Notification.ResourceType);
        Assert.Equal("签约成功", read.Notification.Summary);
        Assert.Equal(new DateTimeOffset(2021, 6, 24, 16, 37, 26, TimeSpan.FromHours(8)), read.Notification.CreateTime);
        Assert.Null(read.Transaction());
        Assert.Null(read.Refund());
    }

    [Fact]
    public void ReadsTheGunsluoPaymentAsATransaction()
    {
        var read = GunsluoReader(PayVectorsThirdParty.GunsluoApiV3Key).Read(GunsluoHeaders(), PayTest.Utf8(PayVectorsThirdParty.GunsluoNotifyBody));

        var transaction = read.Transaction()!;
        Assert.Equal(PayEventTypes.TransactionSuccess, read.Notification!.EventType);
        Assert.Equal("wx81be3101902f7cb2", transaction.AppId);
        Assert.Equal("1601959334", transaction.MchId);
        Assert.Equal("S20210128170702357723", transaction.OutTradeNo);
        Assert.Equal("4200000925202101284997714292", transaction.TransactionId);
        Assert.Equal("NATIVE", transaction.TradeType);
        Assert.Equal(TradeState.Success, transaction.TradeState);
        Assert.Equal("支付成功", transaction.TradeStateDesc);
        Assert.Equal("OTHERS", transaction.BankType);
        Assert.Equal("cipher code", transaction.Attach);
        Assert.Equal(new DateTimeOffset(2021, 1, 28, 17, 7, 11, TimeSpan.FromHours(8)), transaction.SuccessTime);
        Assert.Equal("ofyak5qR_1wYsC99CsWA6R9MJazA", transaction.Payer!.OpenId);
        Assert.Equal(new TransactionAmount { Total = 1, PayerTotal = 1, Currency = "CNY", PayerCurrency = "CNY" }, transaction.Amount);
        Assert.Null(read.Refund());
    }

    [Fact]
    public void AWrongApiV3KeyIsUndecryptable()
    {
        var read = GunsluoReader(PayTest.ApiV3Key).Read(GunsluoHeaders(), PayTest.Utf8(PayVectorsThirdParty.GunsluoNotifyBody));

        Assert.Equal(PayNotificationStatus.Undecryptable, read.Status);
        Assert.False(read.Ok);
        Assert.Null(read.ResourceJson);
    }

    [Fact]
    public void AStaleOrForgedNotificationIsRefusedBeforeItsBodyIsRead()
    {
        var stale = GunsluoReader(PayVectorsThirdParty.GunsluoApiV3Key, secondsLater: 301).Read(GunsluoHeaders(), PayTest.Utf8(PayVectorsThirdParty.GunsluoNotifyBody));
        var forged = GunsluoReader(PayVectorsThirdParty.GunsluoApiV3Key).Read(GunsluoHeaders(), PayTest.Utf8(PayVectorsThirdParty.GunsluoNotifyBody.Replace("支付成功", "支付失败", StringComparison.Ordinal)));
        var unknown = GunsluoReader(PayVectorsThirdParty.GunsluoApiV3Key).Read(GunsluoHeaders() with { Serial = "ABCDEF" }, PayTest.Utf8(PayVectorsThirdParty.GunsluoNotifyBody));

        Assert.Equal(PayNotificationStatus.Stale, stale.Status);
        Assert.Equal(PayNotificationStatus.BadSignature, forged.Status);
        Assert.Equal(PayNotificationStatus.UnknownSerial, unknown.Status);
        Assert.Null(forged.Notification);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""{"id":"1","event_type":"TRANSACTION.SUCCESS"}""")]
    [InlineData("""{"id":"1","event_type":"TRANSACTION.SUCCESS","resource":{"algorithm":"AEAD_AES_256_GCM","ciphertext":"","nonce":"123456789012"}}""")]
    [InlineData("""{"id":"1","event_type":"TRANSACTION.SUCCESS","resource":{"algorithm":"AES_CBC","ciphertext":"AAAA","nonce":"123456789012"}}""")]
    [InlineData("""{"id":"1","event_type":"TRANSACTION.SUCCESS","create_time":"yesterday","resource":{"algorithm":"AEAD_AES_256_GCM","ciphertext":"AAAA","nonce":"123456789012"}}""")]
    [InlineData("""{"id":1,"event_type":"TRANSACTION.SUCCESS"}""")]
    public void AnAuthenticButMalformedEnvelopeIsMalformed(string body)
    {
        using var platform = PayTest.PlatformSigner();
        using var keys = PayTest.Keys(PayVectorsThirdParty.GunsluoCertificate);
        var reader = new PayNotificationReader(PayNotificationVerifier.WithKeys(keys, PayTest.Clock()), PayTest.ApiV3Key);

        var read = reader.Read(platform.SignResponse(body, PayTest.Now.ToUnixTimeSeconds(), "nonce"), PayTest.Utf8(body));

        Assert.Equal(PayNotificationStatus.Malformed, read.Status);
    }

    [Fact]
    public void ARefundNotificationSealedBySimulatorToolsReadsAsARefund()
    {
        using var platform = PayTest.PlatformSigner();
        using var keys = PayTest.Keys(PayVectorsThirdParty.GunsluoCertificate);
        var reader = new PayNotificationReader(PayNotificationVerifier.WithKeys(keys, PayTest.Clock()), PayTest.ApiV3Key);
        var nonce = PayResourceDecryptor.NewNonce();
        var envelope = new PayNotification
        {
            Id = "EV-2018022511223320873",
            CreateTime = PayTest.Now,
            ResourceType = "encrypt-resource",
            EventType = PayEventTypes.RefundSuccess,
            Summary = "退款成功",
            Resource = new PayNotificationResource
            {
                OriginalType = "refund",
                Algorithm = PayResourceDecryptor.Algorithm,
                Ciphertext = PayResourceDecryptor.Encrypt(PayTest.ApiV3Key, nonce, "refund", PayVectorsThirdParty.SkitRefundResource),
                AssociatedData = "refund",
                Nonce = nonce,
            },
        };
        var body = envelope.ToJson();

        var read = reader.Read(platform.SignResponse(body, PayTest.Now.ToUnixTimeSeconds(), PaySigner.NewNonce()), PayTest.Utf8(body));

        Assert.True(read.Ok);
        Assert.Equal(RefundStatus.Success, read.Refund()!.RefundStatus);
        Assert.Contains("\"create_time\":\"2025-06-01T10:00:00+08:00\"", body, StringComparison.Ordinal);
        Assert.Null(read.Transaction());
    }

    [Fact]
    public void TheAcknowledgementsAreTheDocumentedOnes()
    {
        Assert.Equal("""{"code":"FAIL","message":"失败"}""", PayNotificationAck.FailureBody);
        Assert.Equal(200, PayNotificationAck.StatusFor(PayNotificationStatus.Ok));
        Assert.Equal(401, PayNotificationAck.StatusFor(PayNotificationStatus.BadSignature));
        Assert.Equal(401, PayNotificationAck.StatusFor(PayNotificationStatus.Stale));
        Assert.Equal(401, PayNotificationAck.StatusFor(PayNotificationStatus.UnknownSerial));
        Assert.Equal(400, PayNotificationAck.StatusFor(PayNotificationStatus.Malformed));
        Assert.Equal(500, PayNotificationAck.StatusFor(PayNotificationStatus.Undecryptable));
    }

    private static PaySignedHeaders GunsluoHeaders() => new(
        PayVectorsThirdParty.GunsluoTimestamp.ToString(CultureInfo.InvariantCulture),
        PayVectorsThirdParty.GunsluoNonce,
        PayVectorsThirdParty.GunsluoNotifySignature,
        PayVectorsThirdParty.GunsluoSerialNo,
        "WECHATPAY2-SHA256-RSA2048");

    private static PayNotificationReader GunsluoReader(string apiV3Key, int secondsLater = 0)
    {
        var keys = new PayPlatformKeys();
        keys.AddPublicKey(PayVectorsThirdParty.GunsluoSerialNo, PayTest.CertificateKey(PayVectorsThirdParty.GunsluoCertificate));
        var clock = PayTest.Clock(DateTimeOffset.FromUnixTimeSeconds(PayVectorsThirdParty.GunsluoTimestamp + secondsLater));
        return new PayNotificationReader(PayNotificationVerifier.WithKeys(keys, clock), apiV3Key);
    }
}
