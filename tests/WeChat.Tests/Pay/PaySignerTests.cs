using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.WeChat.Tests.Pay;

public sealed class PaySignerTests
{
    [Fact]
    public void SignsTheWechatpayGoSignerVector()
    {
        using var signer = new PaySigner(PayVectors.GoMchId, PayVectors.GoSerialNo, PayTest.PrivateKey(PayVectors.GoPrivateKey));

        Assert.Equal(PayVectors.GoSignature, signer.Sign(PayVectors.GoMessage));
    }

    [Fact]
    public void TheSignerVectorVerifiesAgainstTheNotifyCertificateWhichHasTheSameKeyPair()
    {
        using var publicKey = PayTest.CertificateKey(PayVectors.NotifyCertificate);

        Assert.True(PayKeys.Verify(publicKey, PayVectors.GoMessage, PayVectors.GoSignature));
        Assert.False(PayKeys.Verify(publicKey, PayVectors.GoMessage + " ", PayVectors.GoSignature));
    }

    [Fact]
    public void SignsTheSkit4096BitVectorAndVerifiesItsSecondVector()
    {
        using var signer = new PaySigner("1", "1", PayTest.PrivateKey(PayVectorsThirdParty.SkitPrivateKey));
        using var publicKey = PayKeys.TryLoadPublicKey(PayVectorsThirdParty.SkitPublicKey)!;
        using var certificateKey = PayTest.CertificateKey(PayVectorsThirdParty.SkitCertificate);

        Assert.Equal(PayVectorsThirdParty.SkitSignature, signer.Sign(PayVectorsThirdParty.SkitSignMessage));
        Assert.True(PayKeys.Verify(publicKey, PayVectorsThirdParty.SkitVerifyMessage, PayVectorsThirdParty.SkitVerifySignature));
        Assert.True(PayKeys.Verify(certificateKey, PayVectorsThirdParty.SkitVerifyMessage, PayVectorsThirdParty.SkitVerifySignature));
        Assert.False(PayKeys.Verify(publicKey, PayVectorsThirdParty.SkitVerifyMessage, "FAKE SIGN"));
    }

    [Fact]
    public void SignsAnApiRequestExactlyAsTheGunsluoVector()
    {
        using var signer = new PaySigner(PayVectorsThirdParty.GunsluoMchId, PayVectorsThirdParty.GunsluoSerialNo, PayTest.PrivateKey(PayVectorsThirdParty.GunsluoPrivateKey));

        var header = signer.AuthorizationHeader(
            "POST", PayVectorsThirdParty.GunsluoRequestPath, PayVectorsThirdParty.GunsluoRequestBody, PayVectorsThirdParty.GunsluoTimestamp, PayVectorsThirdParty.GunsluoNonce);

        Assert.Equal(
            $"WECHATPAY2-SHA256-RSA2048 mchid=\"1230000109\",nonce_str=\"AF1404CC2980FB414C99C0B98883BD42\",timestamp=\"1611368330\",serial_no=\"477ED0046A54F0360A72A63A8F2816312AAEAB53\",signature=\"{PayVectorsThirdParty.GunsluoRequestSignature}\"",
            header);
    }

    [Fact]
    public void TheRequestMessageIsMethodUrlTimestampNonceAndBodyEachFollowedByANewline()
    {
        Assert.Equal("GET\n/v3/refund/domestic/refunds/R1?x=1\n1700000000\nNONCE\n\n", PaySigner.RequestMessage("GET", "/v3/refund/domestic/refunds/R1?x=1", 1700000000, "NONCE", ""));
        Assert.Equal("POST\n/v3/pay/transactions/jsapi\n1\nn\n{\"a\":1}\n", PaySigner.RequestMessage("POST", "/v3/pay/transactions/jsapi", 1, "n", "{\"a\":1}"));
    }

    [Fact]
    public void ThePaySignMessageIsTheDocExample()
    {
        Assert.Equal(PayVectors.PayMessage, PaySigner.PayMessage(PayVectors.PayAppId, PayVectors.PayTimestamp, PayVectors.PayNonce, PayVectors.PayPackage));
    }

    [Fact]
    public void PayParametersSignTheDocMessageAndUseTheBridgeNames()
    {
        using var signer = PayTest.MerchantSigner();
        using var publicKey = PayTest.CertificateKey(PayVectors.NotifyCertificate);

        var parameters = signer.PayParameters(PayVectors.PayAppId, "wx201410272009395522657a690389285100", PayVectors.PayTimestamp, PayVectors.PayNonce);

        Assert.Equal(PayVectors.PayPackage, parameters.Package);
        Assert.Equal("RSA", parameters.SignType);
        Assert.Equal("1414561699", parameters.TimeStamp);
        Assert.True(PayKeys.Verify(publicKey, PayVectors.PayMessage, parameters.PaySign));
        Assert.Equal(
            $$"""{"appId":"wx8888888888888888","timeStamp":"1414561699","nonceStr":"5K8264ILTKCH16CQ2502SI8ZNMTM67VS","package":"prepay_id=wx201410272009395522657a690389285100","signType":"RSA","paySign":"{{parameters.PaySign}}"}""",
            parameters.ToJson());
    }

    [Fact]
    public void TheAuthorizationHeaderParsesBackAndVerifiesWithAFreshKeyPair()
    {
        using var key = RSA.Create(2048);
        using var publicKey = RSA.Create();
        publicKey.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        using var signer = new PaySigner("1900000001", "5157F09EFDC096DE15EBE81A47057A7232F1B8E1", RSA.Create(key.ExportParameters(true)));
        const string body = """{"mchid":"1900000001"}""";
        var nonce = PaySigner.NewNonce();

        var header = signer.AuthorizationHeader("POST", "/v3/pay/transactions/out-trade-no/A1234567/close", body, 1717207200, nonce);

        Assert.Matches(new Regex("""^WECHATPAY2-SHA256-RSA2048 mchid="[^"]+",nonce_str="[^"]+",timestamp="[0-9]+",serial_no="[^"]+",signature="[^"]+"$"""), header);
        var parsed = PayAuthorization.TryParse(header)!;
        Assert.Equal("1900000001", parsed.MchId);
        Assert.Equal(nonce, parsed.NonceStr);
        Assert.Equal(1717207200, parsed.Timestamp);
        Assert.Equal("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", parsed.SerialNo);
        Assert.True(PayKeys.Verify(publicKey, PaySigner.RequestMessage("POST", "/v3/pay/transactions/out-trade-no/A1234567/close", parsed.Timestamp, parsed.NonceStr, body), parsed.Signature));
        Assert.False(PayKeys.Verify(publicKey, PaySigner.RequestMessage("POST", "/v3/pay/transactions/out-trade-no/A1234568/close", parsed.Timestamp, parsed.NonceStr, body), parsed.Signature));
        Assert.Equal(header, parsed.ToHeaderValue());
    }

    [Fact]
    public void NoncesAreThirtyTwoLettersOrDigitsAndFresh()
    {
        var first = PaySigner.NewNonce();

        Assert.Equal(32, first.Length);
        Assert.True(first.All(char.IsAsciiLetterOrDigit));
        Assert.NotEqual(first, PaySigner.NewNonce());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\",mchid=\"2\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"-1\",serial_no=\"s\",signature=\"x\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"\",timestamp=\"1\",serial_no=\"s\",signature=\"x\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\",extra=\"y\"")]
    [InlineData("WECHATPAY2-SM2-WITH-SM3 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\"")]
    public void RefusesAMalformedAuthorizationHeader(string? header)
    {
        Assert.Null(PayAuthorization.TryParse(header));
    }

    [Fact]
    public void ReadsTheAttributesInAnyOrder()
    {
        var parsed = PayAuthorization.TryParse("WECHATPAY2-SHA256-RSA2048 signature=\"c2ln\", timestamp=\"12\",serial_no=\"AB\",nonce_str=\"N\",mchid=\"9\"");

        Assert.Equal(new PayAuthorization("9", "N", 12, "AB", "c2ln"), parsed);
    }

    [Fact]
    public void SignerRefusesAPublicKeyOnlyPem()
    {
        Assert.Null(PayKeys.TryLoadPrivateKey(PayVectorsThirdParty.SkitPublicKey));
        Assert.Null(PayKeys.TryLoadPrivateKey("not a pem"));
        Assert.Null(PayKeys.TryLoadPublicKey(PayVectors.GoPrivateKey));
    }

    [Theory]
    [InlineData("00D7CE59D1F522D701", "D7CE59D1F522D701")]
    [InlineData("d7ce59d1f522d701", "D7CE59D1F522D701")]
    [InlineData("PUB_KEY_ID_0114232134912410000000000000", "PUB_KEY_ID_0114232134912410000000000000")]
    [InlineData("000", "0")]
    public void NormalizesCertificateSerials(string serial, string expected)
    {
        Assert.Equal(expected, PayKeys.NormalizeSerial(serial));
    }
}
