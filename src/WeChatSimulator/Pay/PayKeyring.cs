using System.Security.Cryptography;
using HospitalOrleans.WeChat.Pay;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>
/// The simulator's two key pairs: the merchant's (it verifies merchant requests with the public half
/// and, for demos only, hands out the private half) and WeChat Pay's platform key it signs answers
/// and notifications with. Generated once per process (RSA 2048) unless PEMs are configured.
/// </summary>
public sealed class PayKeyring : IDisposable
{
    private readonly RSA _merchant;
    private readonly Lock _gate = new();

    public PayKeyring(IOptions<SimulatedPayOptions> options)
    {
        var pay = options.Value;
        _merchant = PayKeys.TryLoadPrivateKey(pay.MerchantPrivateKeyPem) ?? RSA.Create(2048);
        MerchantSerialNo = string.IsNullOrWhiteSpace(pay.MerchantSerialNo)
            ? RandomNumberGenerator.GetHexString(40)
            : pay.MerchantSerialNo;
        MerchantPrivateKeyPem = _merchant.ExportPkcs8PrivateKeyPem();

        var platform = PayKeys.TryLoadPrivateKey(pay.PlatformPrivateKeyPem) ?? RSA.Create(2048);
        PlatformPublicKeyId = string.IsNullOrWhiteSpace(pay.PlatformPublicKeyId)
            ? "PUB_KEY_ID_" + RandomNumberGenerator.GetString("0123456789", 32)
            : pay.PlatformPublicKeyId;
        PlatformPublicKeyPem = platform.ExportSubjectPublicKeyInfoPem();
        Platform = new PaySigner(pay.MchId, PlatformPublicKeyId, platform);
    }

    public string MerchantSerialNo { get; }

    /// <summary>Demo only: a real WeChat Pay never sees, let alone hands out, the merchant's private key.</summary>
    public string MerchantPrivateKeyPem { get; }

    public string PlatformPublicKeyId { get; }
    public string PlatformPublicKeyPem { get; }

    /// <summary>Signs as WeChat Pay (<see cref="PaySigner.SignResponse"/>) with the platform key.</summary>
    public PaySigner Platform { get; }

    public bool VerifyMerchant(string message, string signature)
    {
        lock (_gate) return PayKeys.Verify(_merchant, message, signature);
    }

    public bool IsMerchantSerial(string serial) =>
        PayKeys.NormalizeSerial(serial) == PayKeys.NormalizeSerial(MerchantSerialNo);

    public void Dispose()
    {
        _merchant.Dispose();
        Platform.Dispose();
    }
}
