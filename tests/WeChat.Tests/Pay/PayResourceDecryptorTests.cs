using System.Security.Cryptography;
using System.Text;
using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.WeChat.Tests.Pay;

public sealed class PayResourceDecryptorTests
{
    [Fact]
    public void OpensTheProtocolNotificationWithTheSixteenByteKey()
    {
        var notification = PayNotification.Parse(PayTest.Utf8(PayVectors.NotifyBody))!;

        var result = notification.DecryptResource(PayVectors.NotifyApiV3Key);

        Assert.True(result.Ok);
        Assert.Equal(PayVectors.NotifyDecrypted, result.Plaintext);
    }

    [Fact]
    public void OpensTheSmallVector()
    {
        var result = PayResourceDecryptor.Decrypt(PayVectors.SmallKey, PayVectors.SmallNonce, PayVectors.SmallAad, PayVectors.SmallCiphertext);

        Assert.Equal(PayDecryptResult.Success(PayVectors.SmallPlaintext), result);
    }

    [Fact]
    public void TheWrongKeyFails()
    {
        var result = PayResourceDecryptor.Decrypt(PayVectors.SmallWrongKey, PayVectors.SmallNonce, PayVectors.SmallAad, PayVectors.SmallCiphertext);

        Assert.Equal(PayDecryptError.AuthenticationFailed, result.Error);
        Assert.Null(result.Plaintext);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-16)]
    [InlineData(0)]
    public void ATamperedTagOrCiphertextFails(int position)
    {
        var bytes = Convert.FromBase64String(PayVectors.SmallCiphertext);
        bytes[position < 0 ? bytes.Length + position : position] ^= 0x80;

        var result = PayResourceDecryptor.Decrypt(PayVectors.SmallKey, PayVectors.SmallNonce, PayVectors.SmallAad, Convert.ToBase64String(bytes));

        Assert.Equal(PayDecryptError.AuthenticationFailed, result.Error);
    }

    [Fact]
    public void AnotherAssociatedDataOrNonceFails()
    {
        Assert.Equal(PayDecryptError.AuthenticationFailed, PayResourceDecryptor.Decrypt(PayVectors.SmallKey, PayVectors.SmallNonce, "transaction", PayVectors.SmallCiphertext).Error);
        Assert.Equal(PayDecryptError.AuthenticationFailed, PayResourceDecryptor.Decrypt(PayVectors.SmallKey, "wCq51qZv4Yfh", PayVectors.SmallAad, PayVectors.SmallCiphertext).Error);
    }

    [Fact]
    public void SealsTheSmallVectorExactly()
    {
        Assert.Equal(PayVectors.SmallCiphertext, PayResourceDecryptor.Encrypt(PayVectors.SmallKey, PayVectors.SmallNonce, PayVectors.SmallAad, PayVectors.SmallPlaintext));
    }

    [Fact]
    public void OpensTheSkitAes256Vector()
    {
        var result = PayResourceDecryptor.Decrypt(PayVectorsThirdParty.SkitAesKey, PayVectorsThirdParty.SkitAesNonce, PayVectorsThirdParty.SkitAesAad, PayVectorsThirdParty.SkitAesCiphertext);

        Assert.True(result.Ok);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\nMIID3DCCAsSgAwIBAgIUGZNrTcamx3sFSJsQli3v9C6gZe8w", result.Plaintext, StringComparison.Ordinal);
        Assert.EndsWith("\n-----END CERTIFICATE-----", result.Plaintext, StringComparison.Ordinal);
        Assert.Equal(PayVectorsThirdParty.SkitAesPlaintextSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(result.Plaintext!))));
    }

    [Fact]
    public void OpensTheGunsluoAes256PaymentNotification()
    {
        var notification = PayNotification.Parse(PayTest.Utf8(PayVectorsThirdParty.GunsluoNotifyBody))!;

        Assert.Equal(PayVectorsThirdParty.GunsluoNotifyDecrypted, notification.DecryptResource(PayVectorsThirdParty.GunsluoApiV3Key).Plaintext);
    }

    [Fact]
    public void RoundTripsWithAThirtyTwoByteKey()
    {
        const string plain = """{"out_trade_no":"ORDER-0001","trade_state":"SUCCESS","trade_state_desc":"支付成功"}""";
        var nonce = PayResourceDecryptor.NewNonce();

        var sealedText = PayResourceDecryptor.Encrypt(PayTest.ApiV3Key, nonce, "transaction", plain);

        Assert.Equal(plain, PayResourceDecryptor.Decrypt(PayTest.ApiV3Key, nonce, "transaction", sealedText).Plaintext);
        Assert.Equal(12, nonce.Length);
    }

    [Theory]
    [InlineData(null, "wCq51qZv4Yfg", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", PayDecryptError.InvalidKey)]
    [InlineData("short", "wCq51qZv4Yfg", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", PayDecryptError.InvalidKey)]
    [InlineData("testAPIv3Key00000", "wCq51qZv4Yfg", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", PayDecryptError.InvalidKey)]
    [InlineData("testAPIv3Key0000", "wCq51qZv4Yf", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", PayDecryptError.InvalidNonce)]
    [InlineData("testAPIv3Key0000", null, "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", PayDecryptError.InvalidNonce)]
    [InlineData("testAPIv3Key0000", "wCq51qZv4Yfg", "not base64!", PayDecryptError.InvalidCiphertext)]
    [InlineData("testAPIv3Key0000", "wCq51qZv4Yfg", "AAAA", PayDecryptError.InvalidCiphertext)]
    [InlineData("testAPIv3Key0000", "wCq51qZv4Yfg", "", PayDecryptError.InvalidCiphertext)]
    [InlineData("testAPIv3Key0000", "wCq51qZv4Yfg", null, PayDecryptError.InvalidCiphertext)]
    public void RefusesBrokenInputWithoutThrowing(string? key, string? nonce, string? ciphertext, PayDecryptError expected)
    {
        Assert.Equal(expected, PayResourceDecryptor.Decrypt(key, nonce, PayVectors.SmallAad, ciphertext).Error);
    }

    [Fact]
    public void AnAuthenticTextThatIsNotUtf8IsReported()
    {
        var plain = new byte[] { 0xFF, 0xFE, 0x00 };
        var output = new byte[plain.Length + 16];
        using (var aes = new AesGcm(Encoding.UTF8.GetBytes(PayTest.ApiV3Key), 16))
        {
            aes.Encrypt(Encoding.UTF8.GetBytes("123456789012"), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), []);
        }

        Assert.Equal(PayDecryptError.NotUtf8, PayResourceDecryptor.Decrypt(PayTest.ApiV3Key, "123456789012", "", Convert.ToBase64String(output)).Error);
    }

    [Fact]
    public void ThePlaintextStaysOutOfToString()
    {
        var result = PayResourceDecryptor.Decrypt(PayVectors.SmallKey, PayVectors.SmallNonce, PayVectors.SmallAad, PayVectors.SmallCiphertext);

        Assert.DoesNotContain("Hello", result.ToString(), StringComparison.Ordinal);
    }
}
