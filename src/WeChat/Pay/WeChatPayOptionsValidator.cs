using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// Checks <see cref="WeChatPayOptions"/> at start. Each fault names the setting and the rule,
/// never the configured value: the private key and the APIv3 key are secrets.
/// </summary>
public sealed class WeChatPayOptionsValidator : IValidateOptions<WeChatPayOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatPayOptions options)
    {
        var faults = Faults(options);
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }

    /// <summary>Every fault of the options, one sentence each.</summary>
    public static IReadOnlyList<string> Faults(WeChatPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string prefix = WeChatPayOptions.Section + ":";
        var faults = new List<string>();

        if (!PayRules.IsMchId(options.MchId))
        {
            faults.Add($"{prefix}MchId must be 1 to 32 digits.");
        }

        if (options.AppId is not { Length: 18 } appId || !appId.StartsWith("wx", StringComparison.Ordinal) || !appId.Skip(2).All(char.IsAsciiLetterOrDigit))
        {
            faults.Add($"{prefix}AppId must be 'wx' followed by 16 letters or digits.");
        }

        if (options.MerchantSerialNo is not { Length: >= 1 and <= 64 } serial || !serial.All(char.IsAsciiHexDigit))
        {
            faults.Add($"{prefix}MerchantSerialNo must be the merchant certificate's serial number: 1 to 64 hex digits.");
        }

        CheckPrivateKey(options, prefix, faults);

        // The key is used as its bytes; AES-256 needs exactly 32 of them.
        if (options.ApiV3Key is not { Length: 32 } apiV3Key || !apiV3Key.All(c => c is > ' ' and <= '~'))
        {
            faults.Add($"{prefix}ApiV3Key must be exactly 32 printable ASCII characters.");
        }

        CheckPlatformKeys(options, prefix, faults);

        var weChatApi = options.IsWeChatApi();
        if (string.IsNullOrWhiteSpace(options.ApiBaseUrl)
            || !Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api)
            || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            faults.Add($"{prefix}ApiBaseUrl must be an absolute http or https URL.");
        }
        else if (weChatApi && api.Scheme != Uri.UriSchemeHttps)
        {
            faults.Add($"{prefix}ApiBaseUrl must be https when it is WeChat Pay's host.");
        }

        CheckNotifyUrl(options.NotifyUrl, $"{prefix}NotifyUrl", required: true, allowHttp: !weChatApi, faults);
        CheckNotifyUrl(options.RefundNotifyUrl, $"{prefix}RefundNotifyUrl", required: false, allowHttp: !weChatApi, faults);
        return faults;
    }

    private static void CheckPrivateKey(WeChatPayOptions options, string prefix, List<string> faults)
    {
        var hasPem = !string.IsNullOrWhiteSpace(options.MerchantPrivateKeyPem);
        var hasPath = !string.IsNullOrWhiteSpace(options.MerchantPrivateKeyPath);
        if (hasPem == hasPath)
        {
            faults.Add($"{prefix}MerchantPrivateKeyPem or {prefix}MerchantPrivateKeyPath is required (exactly one of them).");
            return;
        }

        string pem;
        try
        {
            pem = options.ReadMerchantPrivateKeyPem();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            faults.Add($"{prefix}MerchantPrivateKeyPath must name a readable file.");
            return;
        }

        using var key = PayKeys.TryLoadPrivateKey(pem);
        var setting = hasPem ? $"{prefix}MerchantPrivateKeyPem" : $"the file at {prefix}MerchantPrivateKeyPath";
        if (key is null)
        {
            faults.Add($"{setting} must hold an RSA private key in PEM ('PRIVATE KEY' or 'RSA PRIVATE KEY').");
        }
        else if (key.KeySize < PayKeys.MinKeyBits)
        {
            faults.Add($"{setting} must hold an RSA key of at least {PayKeys.MinKeyBits} bits.");
        }
    }

    private static void CheckPlatformKeys(WeChatPayOptions options, string prefix, List<string> faults)
    {
        var hasCertificate = !string.IsNullOrWhiteSpace(options.PlatformCertificatePem);
        var hasPublicKey = !string.IsNullOrWhiteSpace(options.PlatformPublicKeyPem);
        if (!hasCertificate && !hasPublicKey)
        {
            faults.Add($"{prefix}PlatformCertificatePem or {prefix}PlatformPublicKeyPem is required to check WeChat Pay's signatures.");
        }

        if (hasCertificate)
        {
            var certificates = PayKeys.TryLoadCertificates(options.PlatformCertificatePem);
            if (certificates.Count == 0)
            {
                faults.Add($"{prefix}PlatformCertificatePem must hold at least one PEM certificate with an RSA key.");
            }

            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }

        if (hasPublicKey)
        {
            using var key = PayKeys.TryLoadPublicKey(options.PlatformPublicKeyPem);
            if (key is null)
            {
                faults.Add($"{prefix}PlatformPublicKeyPem must be an RSA public key in PEM ('PUBLIC KEY').");
            }

            if (!PayRules.IsPublicKeyId(options.PlatformPublicKeyId))
            {
                faults.Add($"{prefix}PlatformPublicKeyId must be 'PUB_KEY_ID_' followed by letters or digits when {prefix}PlatformPublicKeyPem is set.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.PlatformPublicKeyId))
        {
            faults.Add($"{prefix}PlatformPublicKeyId is set but {prefix}PlatformPublicKeyPem is not.");
        }
    }

    private static void CheckNotifyUrl(string? url, string setting, bool required, bool allowHttp, List<string> faults)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            if (required)
            {
                faults.Add($"{setting} is required.");
            }

            return;
        }

        if (!PayRules.IsNotifyUrl(url, allowHttp))
        {
            faults.Add(allowHttp
                ? $"{setting} must be an absolute http or https URL of at most {PayRules.MaxNotifyUrlLength} characters, without query string or fragment."
                : $"{setting} must be an absolute https URL of at most {PayRules.MaxNotifyUrlLength} characters, without query string or fragment (http only with a simulator's ApiBaseUrl).");
        }
    }
}
