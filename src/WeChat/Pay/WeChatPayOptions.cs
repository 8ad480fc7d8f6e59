namespace HospitalOrleans.WeChat.Pay;

/// <summary>The merchant's WeChat Pay API v3 credentials and endpoints, bound from the <c>WeChatPay</c> section.</summary>
public sealed class WeChatPayOptions
{
    public const string Section = "WeChatPay";

    /// <summary>WeChat Pay's API host; <c>https://api2.mch.weixin.qq.com</c> is the documented backup.</summary>
    public const string WeChatApiBaseUrl = "https://api.mch.weixin.qq.com";

    /// <summary>The merchant number (商户号), digits.</summary>
    public string MchId { get; set; } = "";

    /// <summary>The Official Account's appid the orders are paid in (<c>wx</c> and 16 letters or digits).</summary>
    public string AppId { get; set; } = "";

    /// <summary>Serial number of the merchant API certificate (商户API证书序列号), hex; sent as <c>serial_no</c>.</summary>
    public string MerchantSerialNo { get; set; } = "";

    /// <summary>The merchant API private key (apiclient_key.pem), PKCS#8 or PKCS#1 PEM. Secret. Set this or <see cref="MerchantPrivateKeyPath"/>.</summary>
    public string? MerchantPrivateKeyPem { get; set; }

    /// <summary>A file holding the merchant private key PEM. Set this or <see cref="MerchantPrivateKeyPem"/>.</summary>
    public string? MerchantPrivateKeyPath { get; set; }

    /// <summary>The APIv3 key (APIv3密钥): exactly 32 ASCII characters. Secret; it opens notifications.</summary>
    public string ApiV3Key { get; set; } = "";

    /// <summary>
    /// WeChat Pay platform certificate(s) (平台证书), PEM; several may be concatenated during a
    /// rotation. Each is found by its serial number in <c>Wechatpay-Serial</c>.
    /// </summary>
    public string? PlatformCertificatePem { get; set; }

    /// <summary>The WeChat Pay public key (微信支付公钥), PEM; found by <see cref="PlatformPublicKeyId"/>.</summary>
    public string? PlatformPublicKeyPem { get; set; }

    /// <summary>The id WeChat Pay gave <see cref="PlatformPublicKeyPem"/>: <c>PUB_KEY_ID_</c> and letters or digits.</summary>
    public string? PlatformPublicKeyId { get; set; }

    /// <summary>WeChat Pay's API host, or the simulator's.</summary>
    public string ApiBaseUrl { get; set; } = WeChatApiBaseUrl;

    /// <summary>
    /// Where WeChat Pay posts payment results: absolute, no query string, https. Plain http is
    /// accepted only while <see cref="ApiBaseUrl"/> is not WeChat's (a local simulator).
    /// </summary>
    public string NotifyUrl { get; set; } = "";

    /// <summary>Where refund results are posted (same rules as <see cref="NotifyUrl"/>); null sends refunds without notify_url.</summary>
    public string? RefundNotifyUrl { get; set; }

    /// <summary>True when <see cref="ApiBaseUrl"/> is one of WeChat Pay's own hosts (*.weixin.qq.com, *.wechatpay.cn).</summary>
    public bool IsWeChatApi() => IsWeChatHost(ApiBaseUrl);

    /// <summary>The merchant private key PEM, from <see cref="MerchantPrivateKeyPem"/> or the file at <see cref="MerchantPrivateKeyPath"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidOperationException">Neither is set.</exception>
    public string ReadMerchantPrivateKeyPem() =>
        !string.IsNullOrWhiteSpace(MerchantPrivateKeyPem) ? MerchantPrivateKeyPem
        : !string.IsNullOrWhiteSpace(MerchantPrivateKeyPath) ? File.ReadAllText(MerchantPrivateKeyPath)
        : throw new InvalidOperationException($"{Section}:MerchantPrivateKeyPem or {Section}:MerchantPrivateKeyPath is required.");

    internal static bool IsWeChatHost(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Host.EndsWith(".weixin.qq.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".wechatpay.cn", StringComparison.OrdinalIgnoreCase));
}
