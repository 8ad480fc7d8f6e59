using System.Globalization;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// The attributes of an API v3 <c>Authorization</c> header. A simulator parses the merchant's
/// header with <see cref="TryParse"/>, rebuilds <see cref="PaySigner.RequestMessage"/> from the
/// request it received and checks <see cref="Signature"/> with <see cref="PayKeys.Verify(System.Security.Cryptography.RSA, string, string?)"/>.
/// </summary>
public sealed record PayAuthorization(string MchId, string NonceStr, long Timestamp, string SerialNo, string Signature)
{
    private static readonly string[] Names = ["mchid", "nonce_str", "timestamp", "serial_no", "signature"];

    /// <summary>The header value, attributes in the official SDKs' order.</summary>
    public string ToHeaderValue() =>
        $"{PaySigner.Scheme} mchid=\"{MchId}\",nonce_str=\"{NonceStr}\",timestamp=\"{Timestamp.ToString(CultureInfo.InvariantCulture)}\",serial_no=\"{SerialNo}\",signature=\"{Signature}\"";

    /// <summary>
    /// Reads a header value; null unless it is the <see cref="PaySigner.Scheme"/> scheme with each of
    /// mchid, nonce_str, timestamp (digits), serial_no and signature exactly once, quoted, in any order.
    /// </summary>
    public static PayAuthorization? TryParse(string? header)
    {
        if (header is null || !header.StartsWith(PaySigner.Scheme + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(PaySigner.Scheme.Length + 1)..].Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            var name = part[..equals].Trim();
            var quoted = part[(equals + 1)..].Trim();
            if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"' || !Names.Contains(name) || !values.TryAdd(name, quoted[1..^1]))
            {
                return null;
            }
        }

        if (values.Count != Names.Length
            || values.Values.Any(value => value.Length == 0 || value.Contains('"', StringComparison.Ordinal))
            || !long.TryParse(values["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return null;
        }

        return new PayAuthorization(values["mchid"], values["nonce_str"], timestamp, values["serial_no"], values["signature"]);
    }
}
