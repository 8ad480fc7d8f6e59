namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// The signature headers WeChat Pay puts on notifications and API answers. Values are taken as
/// they arrived; missing ones are null.
/// </summary>
public sealed record PaySignedHeaders(string? Timestamp, string? Nonce, string? Signature, string? Serial, string? SignatureType = null)
{
    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SignatureHeader = "Wechatpay-Signature";
    public const string SerialHeader = "Wechatpay-Serial";
    public const string SignatureTypeHeader = "Wechatpay-Signature-Type";

    /// <summary>The only signature type this library checks (RSA; the SM2 variant is not supported).</summary>
    public const string RsaSignatureType = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>Reads the five headers through <paramref name="header"/> (name → first value, or null).</summary>
    public static PaySignedHeaders From(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new PaySignedHeaders(header(TimestampHeader), header(NonceHeader), header(SignatureHeader), header(SerialHeader), header(SignatureTypeHeader));
    }

    /// <summary>The headers as name/value pairs (null ones left out), for a simulator to set on its answer.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToPairs()
    {
        if (Timestamp is not null)
        {
            yield return new(TimestampHeader, Timestamp);
        }

        if (Nonce is not null)
        {
            yield return new(NonceHeader, Nonce);
        }

        if (Signature is not null)
        {
            yield return new(SignatureHeader, Signature);
        }

        if (Serial is not null)
        {
            yield return new(SerialHeader, Serial);
        }

        if (SignatureType is not null)
        {
            yield return new(SignatureTypeHeader, SignatureType);
        }
    }
}

/// <summary>The outcome of checking a WeChat Pay signature.</summary>
public enum PayVerification
{
    /// <summary>Signed by a known key over these exact bytes, and fresh.</summary>
    Valid = 0,

    /// <summary>The signature is not Base64, or does not match the bytes received.</summary>
    BadSignature,

    /// <summary><c>Wechatpay-Serial</c> names no configured certificate or public key.</summary>
    UnknownSerial,

    /// <summary>|now − Wechatpay-Timestamp| is 300 seconds or more.</summary>
    Stale,

    /// <summary>A header is missing or empty, the timestamp is not digits, or the signature type is not RSA.</summary>
    Malformed,
}
