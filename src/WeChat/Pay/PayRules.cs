using System.Text;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>The documented field rules of WeChat Pay API v3, shared by request validation and the options check.</summary>
public static class PayRules
{
    public const int MaxDescriptionBytes = 127;
    public const int MaxAttachBytes = 128;
    public const int MaxNotifyUrlLength = 256;
    public const int MaxReasonBytes = 80;
    public const string Currency = "CNY";

    /// <summary><c>out_trade_no</c>: 6 to 32 of <c>0-9 A-Z a-z _ - | *</c>.</summary>
    public static bool IsOutTradeNo(string? value) =>
        value is { Length: >= 6 and <= 32 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '|' or '*');

    /// <summary><c>out_refund_no</c>: 1 to 64 of <c>0-9 A-Z a-z _ - | * @</c>.</summary>
    public static bool IsOutRefundNo(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '|' or '*' or '@');

    /// <summary>WeChat Pay's <c>transaction_id</c>: 1 to 32 digits.</summary>
    public static bool IsTransactionId(string? value) =>
        value is { Length: >= 1 and <= 32 } && value.All(char.IsAsciiDigit);

    /// <summary>A merchant number: 1 to 32 digits.</summary>
    public static bool IsMchId(string? value) =>
        value is { Length: >= 1 and <= 32 } && value.All(char.IsAsciiDigit);

    /// <summary>A WeChat Pay public-key id: <c>PUB_KEY_ID_</c> and letters or digits.</summary>
    public static bool IsPublicKeyId(string? value) =>
        value is { Length: > 11 and <= 64 }
        && value.StartsWith("PUB_KEY_ID_", StringComparison.Ordinal)
        && value.AsSpan(11).ContainsAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") is false;

    /// <summary>
    /// A <c>notify_url</c>: absolute, at most 256 characters, no query string and no fragment
    /// (WeChat Pay drops them); https, or http when <paramref name="allowHttp"/> (a simulator).
    /// </summary>
    public static bool IsNotifyUrl(string? url, bool allowHttp) =>
        url is { Length: > 0 and <= MaxNotifyUrlLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        && !url.Contains('?', StringComparison.Ordinal)
        && !url.Contains('#', StringComparison.Ordinal)
        && uri.UserInfo.Length == 0;

    /// <summary>Length in UTF-8 bytes, the reading of WeChat's string(n) limits this library takes (a Chinese character counts 3).</summary>
    public static int Utf8Length(string? value) => value is null ? 0 : Encoding.UTF8.GetByteCount(value);
}
