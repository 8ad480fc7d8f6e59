using System.Security.Cryptography;
using HospitalOrleans.WeChat.Pay;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Tests.Pay;

public sealed class WeChatPayOptionsValidatorTests
{
    [Fact]
    public void TheTestOptionsAreValid()
    {
        Assert.Empty(WeChatPayOptionsValidator.Faults(PayTest.Options()));
        Assert.Same(ValidateOptionsResult.Success, new WeChatPayOptionsValidator().Validate(null, PayTest.Options()));
    }

    [Fact]
    public void ProductionOptionsWithWeChatsHostAndAPublicKeyAreValid()
    {
        var options = PayTest.Options(WeChatPayOptions.WeChatApiBaseUrl, "https://hospital.example/pay/notify");
        options.PlatformPublicKeyPem = PayKeys.TryLoadPublicKey(PayVectorsThirdParty.SkitPublicKey)!.ExportSubjectPublicKeyInfoPem();
        options.PlatformPublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";
        options.RefundNotifyUrl = "https://hospital.example/pay/refund";

        Assert.Empty(WeChatPayOptionsValidator.Faults(options));
        Assert.True(options.IsWeChatApi());
    }

    [Theory]
    [InlineData(nameof(WeChatPayOptions.MchId), "12345a", "WeChatPay:MchId must be 1 to 32 digits.")]
    [InlineData(nameof(WeChatPayOptions.AppId), "wx123", "WeChatPay:AppId must be 'wx' followed by 16 letters or digits.")]
    [InlineData(nameof(WeChatPayOptions.MerchantSerialNo), "XYZ", "WeChatPay:MerchantSerialNo must be the merchant certificate's serial number: 1 to 64 hex digits.")]
    [InlineData(nameof(WeChatPayOptions.ApiV3Key), "testMchAPIv3Key0", "WeChatPay:ApiV3Key must be exactly 32 printable ASCII characters.")]
    [InlineData(nameof(WeChatPayOptions.ApiV3Key), "0123456789abcdefghijABCDEFGHIJ0 ", "WeChatPay:ApiV3Key must be exactly 32 printable ASCII characters.")]
    [InlineData(nameof(WeChatPayOptions.ApiBaseUrl), "api.mch.weixin.qq.com", "WeChatPay:ApiBaseUrl must be an absolute http or https URL.")]
    [InlineData(nameof(WeChatPayOptions.NotifyUrl), "", "WeChatPay:NotifyUrl is required.")]
    [InlineData(nameof(WeChatPayOptions.NotifyUrl), "http://127.0.0.1:5000/pay/notify?x=1", "WeChatPay:NotifyUrl must be an absolute http or https URL of at most 256 characters, without query string or fragment.")]
    [InlineData(nameof(WeChatPayOptions.RefundNotifyUrl), "notify", "WeChatPay:RefundNotifyUrl must be an absolute http or https URL of at most 256 characters, without query string or fragment.")]
    [InlineData(nameof(WeChatPayOptions.PlatformCertificatePem), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "WeChatPay:PlatformCertificatePem must hold at least one PEM certificate with an RSA key.")]
    [InlineData(nameof(WeChatPayOptions.PlatformPublicKeyId), "PUB_KEY_ID_1", "WeChatPay:PlatformPublicKeyId is set but WeChatPay:PlatformPublicKeyPem is not.")]
    public void NamesEachFault(string setting, string value, string fault)
    {
        var options = PayTest.Options();
        typeof(WeChatPayOptions).GetProperty(setting)!.SetValue(options, value);

        Assert.Equal([fault], WeChatPayOptionsValidator.Faults(options));
    }

    [Fact]
    public void WeChatsHostNeedsHttpsEverywhere()
    {
        var options = PayTest.Options("http://api.mch.weixin.qq.com");

        Assert.Equal(
            [
                "WeChatPay:ApiBaseUrl must be https when it is WeChat Pay's host.",
                "WeChatPay:NotifyUrl must be an absolute https URL of at most 256 characters, without query string or fragment (http only with a simulator's ApiBaseUrl).",
            ],
            WeChatPayOptionsValidator.Faults(options));
    }

    [Fact]
    public void NeedsExactlyOneMerchantKeySource()
    {
        var none = PayTest.Options();
        none.MerchantPrivateKeyPem = null;
        var both = PayTest.Options();
        both.MerchantPrivateKeyPath = "/etc/wechatpay/apiclient_key.pem";

        const string fault = "WeChatPay:MerchantPrivateKeyPem or WeChatPay:MerchantPrivateKeyPath is required (exactly one of them).";
        Assert.Equal([fault], WeChatPayOptionsValidator.Faults(none));
        Assert.Equal([fault], WeChatPayOptionsValidator.Faults(both));
    }

    [Fact]
    public void ReadsTheMerchantKeyFromAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wechatpay-key-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, PayVectors.GoPrivateKey);
        try
        {
            var options = PayTest.Options();
            options.MerchantPrivateKeyPem = null;
            options.MerchantPrivateKeyPath = path;

            Assert.Empty(WeChatPayOptionsValidator.Faults(options));
            using var signer = new PaySigner(options.Wrap());
            Assert.Equal(PayVectors.GoSignature, signer.Sign(PayVectors.GoMessage));

            options.MerchantPrivateKeyPath = path + ".missing";
            Assert.Equal(["WeChatPay:MerchantPrivateKeyPath must name a readable file."], WeChatPayOptionsValidator.Faults(options));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RefusesAKeyThatIsNotAPrivateRsaKeyOrIsTooShort()
    {
        using var shortKey = RSA.Create(1024);
        var publicOnly = PayTest.Options();
        publicOnly.MerchantPrivateKeyPem = PayVectorsThirdParty.SkitPublicKey;
        var tooShort = PayTest.Options();
        tooShort.MerchantPrivateKeyPem = shortKey.ExportPkcs8PrivateKeyPem();

        Assert.Equal(["WeChatPay:MerchantPrivateKeyPem must hold an RSA private key in PEM ('PRIVATE KEY' or 'RSA PRIVATE KEY')."], WeChatPayOptionsValidator.Faults(publicOnly));
        Assert.Equal(["WeChatPay:MerchantPrivateKeyPem must hold an RSA key of at least 2048 bits."], WeChatPayOptionsValidator.Faults(tooShort));
    }

    [Fact]
    public void AcceptsAPkcs1MerchantKey()
    {
        using var key = PayTest.PrivateKey(PayVectors.GoPrivateKey);
        var options = PayTest.Options();
        options.MerchantPrivateKeyPem = key.ExportRSAPrivateKeyPem();

        Assert.Empty(WeChatPayOptionsValidator.Faults(options));
    }

    [Fact]
    public void NeedsAPlatformKeyAndAnIdForAPublicKey()
    {
        var none = PayTest.Options();
        none.PlatformCertificatePem = null;
        var noId = PayTest.Options();
        noId.PlatformPublicKeyPem = PayVectorsThirdParty.SkitPublicKey;
        var badKey = PayTest.Options();
        badKey.PlatformPublicKeyPem = PayVectorsThirdParty.SkitCertificate;
        badKey.PlatformPublicKeyId = "PUB_KEY_ID_01";

        Assert.Equal(["WeChatPay:PlatformCertificatePem or WeChatPay:PlatformPublicKeyPem is required to check WeChat Pay's signatures."], WeChatPayOptionsValidator.Faults(none));
        Assert.Equal(["WeChatPay:PlatformPublicKeyId must be 'PUB_KEY_ID_' followed by letters or digits when WeChatPay:PlatformPublicKeyPem is set."], WeChatPayOptionsValidator.Faults(noId));
        Assert.Equal(["WeChatPay:PlatformPublicKeyPem must be an RSA public key in PEM ('PUBLIC KEY')."], WeChatPayOptionsValidator.Faults(badKey));
    }

    [Fact]
    public void NoFaultEverContainsASecret()
    {
        var options = new WeChatPayOptions
        {
            MchId = "x",
            MerchantPrivateKeyPem = "-----BEGIN PRIVATE KEY-----\nSECRETSECRET\n-----END PRIVATE KEY-----",
            ApiV3Key = "SECRETKEY",
            PlatformPublicKeyPem = "SECRETPUB",
            ApiBaseUrl = "nope",
        };

        var faults = WeChatPayOptionsValidator.Faults(options);

        Assert.NotEmpty(faults);
        Assert.All(faults, fault => Assert.DoesNotContain("SECRET", fault, StringComparison.Ordinal));
    }
}
