namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>
/// The simulated WeChat Pay merchant (section <c>Simulator:Pay</c>). Every default is a demo value.
/// Without configured PEMs the simulator makes a fresh merchant and platform key pair at start and
/// hands them out on <c>GET /sim/api/pay/keys</c>.
/// </summary>
public sealed class SimulatedPayOptions
{
    public const string Section = "Simulator:Pay";

    /// <summary>The merchant number (商户号).</summary>
    public string MchId { get; set; } = "1900000109";

    /// <summary>The APIv3 key notifications are sealed with: 32 ASCII characters (demo key).</summary>
    public string ApiV3Key { get; set; } = "HospitalOrleansPayDemoApiV3Key32";

    /// <summary>The merchant API private key (PEM); generated at start when empty.</summary>
    public string? MerchantPrivateKeyPem { get; set; }

    /// <summary>The merchant certificate serial (hex); random when empty.</summary>
    public string? MerchantSerialNo { get; set; }

    /// <summary>The WeChat Pay platform private key (PEM) the simulator signs with; generated at start when empty.</summary>
    public string? PlatformPrivateKeyPem { get; set; }

    /// <summary>The platform public-key id (PUB_KEY_ID_…) sent as Wechatpay-Serial; random when empty.</summary>
    public string? PlatformPublicKeyId { get; set; }

    /// <summary>Delay between a payment (or refund request) and its first notification.</summary>
    public double NotifyDelaySeconds { get; set; } = 0.5;

    /// <summary>Waits between notification tries (a short stand-in for WeChat's 15s/15s/30s/3m… schedule).</summary>
    public List<double> NotifyRetryDelaysSeconds { get; set; } = [0.5, 1, 2, 2];

    /// <summary>Tries per notification in all, including the first.</summary>
    public int NotifyTries { get; set; } = 5;

    /// <summary>How long a notify_url may take to answer one try.</summary>
    public double NotifyTimeoutSeconds { get; set; } = 5;
}
