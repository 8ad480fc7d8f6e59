using HospitalOrleans.WeChat.Security;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat;

/// <summary>
/// Checks <see cref="WeChatOptions"/> at start. Each fault names the setting and the rule,
/// never the configured value: several of them are secrets.
/// </summary>
public sealed class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        var faults = Faults(options);
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }

    /// <summary>Every fault of the options, one sentence each.</summary>
    public static IReadOnlyList<string> Faults(WeChatOptions options)
    {
        const string prefix = WeChatOptions.Section + ":";
        var faults = new List<string>();
        if (!IsAppId(options.AppId))
        {
            faults.Add($"{prefix}AppId must be 'wx' followed by 16 letters or digits.");
        }

        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            faults.Add($"{prefix}AppSecret is required.");
        }

        if (options.Token is not { Length: >= 3 and <= 32 } token || !token.All(char.IsAsciiLetterOrDigit))
        {
            faults.Add($"{prefix}Token must be 3 to 32 characters of A-Z, a-z and 0-9.");
        }

        if (string.IsNullOrEmpty(options.EncodingAESKey))
        {
            if (options.SafeMode)
            {
                faults.Add($"{prefix}EncodingAESKey is required when {prefix}SafeMode is true.");
            }
        }
        else if (!MessageCrypt.IsLegalKey(options.EncodingAESKey))
        {
            faults.Add($"{prefix}EncodingAESKey must be exactly 43 characters of A-Z, a-z and 0-9.");
        }

        CheckHttpUrl(options.ApiBaseUrl, $"{prefix}ApiBaseUrl", required: true, faults);
        CheckHttpUrl(options.AuthorizeBaseUrl, $"{prefix}AuthorizeBaseUrl", required: false, faults);
        CheckHttpUrl(options.QrImageBaseUrl, $"{prefix}QrImageBaseUrl", required: false, faults);

        if (options.MaxTimestampSkewSeconds < 1)
        {
            faults.Add($"{prefix}MaxTimestampSkewSeconds must be at least 1.");
        }

        if (options.MaxBodyBytes < 1024)
        {
            faults.Add($"{prefix}MaxBodyBytes must be at least 1024.");
        }

        return faults;
    }

    private static bool IsAppId(string? appId) =>
        appId is { Length: 18 } && appId.StartsWith("wx", StringComparison.Ordinal) && appId.Skip(2).All(char.IsAsciiLetterOrDigit);

    private static void CheckHttpUrl(string? url, string setting, bool required, List<string> faults)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            if (required)
            {
                faults.Add($"{setting} is required.");
            }

            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            faults.Add($"{setting} must be an absolute http or https URL.");
        }
    }
}
