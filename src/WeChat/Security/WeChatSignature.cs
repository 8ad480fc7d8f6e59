using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.WeChat.Security;

/// <summary>The SHA-1 signatures WeChat puts on server pushes, safe-mode envelopes and JS-SDK pages.</summary>
public static class WeChatSignature
{
    /// <summary>
    /// The <c>signature</c> query parameter of every server push: SHA-1 (lowercase hex) of
    /// token, timestamp and nonce sorted ordinally and joined without separator.
    /// </summary>
    public static string Server(string token, string timestamp, string nonce) =>
        Sha1OfSorted([token, timestamp, nonce]);

    /// <summary>
    /// The <c>msg_signature</c> of a safe-mode message: like <see cref="Server"/> with the
    /// base64 <c>Encrypt</c> value as a fourth sorted part.
    /// </summary>
    public static string Message(string token, string timestamp, string nonce, string encrypt) =>
        Sha1OfSorted([token, timestamp, nonce, encrypt]);

    /// <summary>
    /// The <c>wx.config</c> signature: SHA-1 of
    /// <c>jsapi_ticket=…&amp;noncestr=…&amp;timestamp=…&amp;url=…</c> with raw (unescaped) values;
    /// the url is cut at its first <c>#</c>.
    /// </summary>
    public static string JsSdk(string jsapiTicket, string nonceStr, long timestamp, string url)
    {
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var page = fragment >= 0 ? url[..fragment] : url;
        var timestampText = timestamp.ToString(CultureInfo.InvariantCulture);
        return Sha1Hex($"jsapi_ticket={jsapiTicket}&noncestr={nonceStr}&timestamp={timestampText}&url={page}");
    }

    /// <summary>
    /// Compares a computed signature with a received one in time independent of where they
    /// differ. A missing or empty candidate never matches.
    /// </summary>
    public static bool Matches(string expected, string? candidate)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(expected),
            Encoding.UTF8.GetBytes(candidate));
    }

    private static string Sha1OfSorted(string[] parts)
    {
        Array.Sort(parts, StringComparer.Ordinal);
        return Sha1Hex(string.Concat(parts));
    }

    private static string Sha1Hex(string text) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
