using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.WeChat.Tests.Pay;

public sealed class PayNotificationVerifierTests : IDisposable
{
    private static readonly byte[] Body = PayTest.Utf8(PayVectors.NotifyBody);

    private readonly PayPlatformKeys keys = PayTest.Keys(PayVectors.NotifyCertificate);

    public void Dispose() => keys.Dispose();

    [Fact]
    public void TheProtocolNotificationVerifiesAtTheFrozenTime()
    {
        Assert.Equal(PayVerification.Valid, Verifier(0).Verify(Headers(), Body));
    }

    [Theory]
    [InlineData(299)]
    [InlineData(-299)]
    [InlineData(1)]
    public void IsAcceptedWithinFiveMinutes(int secondsLater)
    {
        Assert.Equal(PayVerification.Valid, Verifier(secondsLater).Verify(Headers(), Body));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(-300)]
    [InlineData(-301)]
    [InlineData(86400)]
    public void IsStaleFiveMinutesAwayOrMore(int secondsLater)
    {
        Assert.Equal(PayVerification.Stale, Verifier(secondsLater).Verify(Headers(), Body));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-1)]
    public void ATamperedBodyByteIsABadSignature(int position)
    {
        var tampered = Body.ToArray();
        var index = position < 0 ? tampered.Length + position : position;
        tampered[index] ^= 0x01;

        Assert.Equal(PayVerification.BadSignature, Verifier(0).Verify(Headers(), tampered));
    }

    [Fact]
    public void ReSerializedJsonIsNotTheRawBody()
    {
        var spaced = PayTest.Utf8(PayVectors.NotifyBody.Replace("\",\"", "\", \"", StringComparison.Ordinal));

        Assert.Equal(PayVerification.BadSignature, Verifier(0).Verify(Headers(), spaced));
    }

    [Fact]
    public void AnUnknownSerialIsRefused()
    {
        Assert.Equal(PayVerification.UnknownSerial, Verifier(0).Verify(Headers() with { Serial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1" }, Body));
    }

    [Theory]
    [InlineData("d7ce59d1f522d701")]
    [InlineData("00D7CE59D1F522D701")]
    public void FindsTheCertificateWhateverTheSerialsCaseOrLeadingZeros(string serial)
    {
        Assert.Equal(PayVerification.Valid, Verifier(0).Verify(Headers() with { Serial = serial }, Body));
    }

    [Fact]
    public void ASignatureByAnotherKeyIsBad()
    {
        using var other = PayTest.PlatformSigner();
        var forged = other.SignResponse(PayVectors.NotifyBody, PayVectors.NotifyTimestamp, PayVectors.NotifyNonce) with { Serial = PayVectors.NotifySerial };

        Assert.Equal(PayVerification.BadSignature, Verifier(0).Verify(forged, Body));
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("WECHATPAY/SIGNTEST/")]
    [InlineData("AAAA")]
    public void AnUnreadableSignatureIsBad(string signature)
    {
        Assert.Equal(PayVerification.BadSignature, Verifier(0).Verify(Headers() with { Signature = signature }, Body));
    }

    [Theory]
    [InlineData(null, "n", "s", "x")]
    [InlineData("1624523846", null, "s", "x")]
    [InlineData("1624523846", "n", null, "x")]
    [InlineData("1624523846", "n", "s", null)]
    [InlineData("", "n", "s", "x")]
    [InlineData(" ", "n", "s", "x")]
    [InlineData("abc", "n", "s", "x")]
    [InlineData("-1624523846", "n", "s", "x")]
    [InlineData("+1624523846", "n", "s", "x")]
    [InlineData("1624523846.0", "n", "s", "x")]
    [InlineData("99999999999999999999999", "n", "s", "x")]
    public void MissingOrBrokenHeadersAreMalformed(string? timestamp, string? nonce, string? signature, string? serial)
    {
        Assert.Equal(PayVerification.Malformed, Verifier(0).Verify(timestamp, nonce, signature, serial, Body));
    }

    [Fact]
    public void AnSm2SignatureTypeIsMalformedButTheRsaTypeIsFine()
    {
        Assert.Equal(PayVerification.Malformed, Verifier(0).Verify(Headers() with { SignatureType = "WECHATPAY2-SM2-WITH-SM3" }, Body));
        Assert.Equal(PayVerification.Valid, Verifier(0).Verify(Headers() with { SignatureType = "WECHATPAY2-SHA256-RSA2048" }, Body));
    }

    [Fact]
    public void AHugeTimestampIsStaleWithoutOverflow()
    {
        Assert.Equal(PayVerification.Stale, Verifier(0).Verify(Headers() with { Timestamp = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Body));
    }

    [Fact]
    public void AnEmptyBodyIsABadSignatureNotAnException()
    {
        Assert.Equal(PayVerification.BadSignature, Verifier(0).Verify(Headers(), []));
    }

    [Fact]
    public void VerifiesTheGunsluoNotificationUnderAPublicKeyIdFromTheOptions()
    {
        // The serial header is not part of the signed text, so the same notification may be
        // announced under a WeChat Pay public-key id once that key is configured.
        var options = PayTest.Options();
        options.PlatformCertificatePem = null;
        options.PlatformPublicKeyPem = PublicKeyPem(PayVectorsThirdParty.GunsluoCertificate);
        options.PlatformPublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";
        using var verifier = new PayNotificationVerifier(options.Wrap(), PayTest.Clock(DateTimeOffset.FromUnixTimeSeconds(PayVectorsThirdParty.GunsluoTimestamp)));
        var headers = new PaySignedHeaders(
            PayVectorsThirdParty.GunsluoTimestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PayVectorsThirdParty.GunsluoNonce,
            PayVectorsThirdParty.GunsluoNotifySignature,
            "PUB_KEY_ID_0114232134912410000000000000");

        Assert.Equal(PayVerification.Valid, verifier.Verify(headers, PayTest.Utf8(PayVectorsThirdParty.GunsluoNotifyBody)));
        Assert.Equal(PayVerification.UnknownSerial, verifier.Verify(headers with { Serial = PayTest.PlatformSerial }, PayTest.Utf8(PayVectorsThirdParty.GunsluoNotifyBody)));
    }

    [Fact]
    public void TheSignedTextIsTimestampNonceAndRawBodyEachFollowedByANewline()
    {
        Assert.Equal(PayTest.Utf8("1\nn\n{}\n"), PayNotificationVerifier.Message("1", "n", PayTest.Utf8("{}")));
    }

    [Fact]
    public void KnowsEveryCertificateOfAConcatenatedPem()
    {
        using var both = PayTest.Keys(PayVectors.NotifyCertificate + "\n" + PayVectorsThirdParty.GunsluoCertificate);

        Assert.Equal(["D7CE59D1F522D701", "9AD59953ADF1BABB"], both.Serials);
        Assert.True(both.Contains("D7CE59D1F522D701"));
        Assert.False(both.Contains("F5765756002FDD77"));
    }

    internal static PaySignedHeaders Headers() => new(
        PayVectors.NotifyTimestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PayVectors.NotifyNonce,
        PayVectors.NotifySignature,
        PayVectors.NotifySerial);

    private static string PublicKeyPem(string certificatePem)
    {
        using var key = PayTest.CertificateKey(certificatePem);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private PayNotificationVerifier Verifier(int secondsAfterTheVector) =>
        PayNotificationVerifier.WithKeys(keys, PayTest.Clock(DateTimeOffset.FromUnixTimeSeconds(PayVectors.NotifyTimestamp + secondsAfterTheVector)));
}
