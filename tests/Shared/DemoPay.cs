using System.Security.Cryptography;

namespace HospitalOrleans.Tests.Shared;

/// <summary>
/// The demo WeChat Pay merchant shared by the simulator and the platform in tests: key pairs made
/// once per test process (as scripts/run.sh makes them once per data directory), the simulator's
/// default mchid and APIv3 key.
/// </summary>
public static class DemoPay
{
    public const string MchId = "1900000109";
    public const string ApiV3Key = "HospitalOrleansPayDemoApiV3Key32";
    public const string MerchantSerialNo = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public const string PlatformPublicKeyId = "PUB_KEY_ID_0119000001092026112700000000000001";

    private static readonly Lazy<(string Merchant, string Platform, string PlatformPublic)> Keys = new(() =>
    {
        using var merchant = RSA.Create(2048);
        using var platform = RSA.Create(2048);
        return (merchant.ExportPkcs8PrivateKeyPem(), platform.ExportPkcs8PrivateKeyPem(), platform.ExportSubjectPublicKeyInfoPem());
    });

    /// <summary>The simulator's <c>Simulator:Pay</c> section.</summary>
    public static IReadOnlyDictionary<string, string?> SimulatorSettings() => new Dictionary<string, string?>
    {
        ["Simulator:Pay:MchId"] = MchId,
        ["Simulator:Pay:ApiV3Key"] = ApiV3Key,
        ["Simulator:Pay:MerchantPrivateKeyPem"] = Keys.Value.Merchant,
        ["Simulator:Pay:MerchantSerialNo"] = MerchantSerialNo,
        ["Simulator:Pay:PlatformPrivateKeyPem"] = Keys.Value.Platform,
        ["Simulator:Pay:PlatformPublicKeyId"] = PlatformPublicKeyId,
    };

    /// <summary>The platform's <c>WeChatPay</c> section against the simulator at <paramref name="simulatorUrl"/>.</summary>
    public static IReadOnlyDictionary<string, string> PlatformSettings(string simulatorUrl, string platformUrl) => new Dictionary<string, string>
    {
        ["WeChatPay:MchId"] = MchId,
        ["WeChatPay:AppId"] = DemoWeChat.AppId,
        ["WeChatPay:MerchantSerialNo"] = MerchantSerialNo,
        ["WeChatPay:MerchantPrivateKeyPem"] = Keys.Value.Merchant,
        ["WeChatPay:ApiV3Key"] = ApiV3Key,
        ["WeChatPay:PlatformPublicKeyId"] = PlatformPublicKeyId,
        ["WeChatPay:PlatformPublicKeyPem"] = Keys.Value.PlatformPublic,
        ["WeChatPay:ApiBaseUrl"] = simulatorUrl,
        ["WeChatPay:NotifyUrl"] = platformUrl + "/wechat/pay/notify",
        ["WeChatPay:RefundNotifyUrl"] = platformUrl + "/wechat/pay/notify",
        ["WeChatPay:CashierUrl"] = simulatorUrl + "/sim/pay/{prepayId}",
    };
}
