using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// Checks what WeChat Pay signed: payment and refund notifications, and the answers of API
/// calls (both carry the same headers over the same text). The signed text is
/// <c>Wechatpay-Timestamp\nWechatpay-Nonce\n&lt;raw body bytes&gt;\n</c>; the key is the one
/// <c>Wechatpay-Serial</c> names; a timestamp 300 s or more from now is refused
/// (wechatpay-go <c>core/auth/validators</c>, <c>consts.FiveMinute</c>). Never throws on hostile input.
/// </summary>
public sealed class PayNotificationVerifier : IDisposable
{
    /// <summary>|now − timestamp| must stay below this many seconds.</summary>
    public const int MaxSkewSeconds = 300;

    private readonly PayPlatformKeys keys;
    private readonly TimeProvider time;
    private readonly bool ownsKeys;

    /// <summary>Uses the platform certificates and public key of <paramref name="options"/>.</summary>
    public PayNotificationVerifier(IOptions<WeChatPayOptions> options, TimeProvider time)
        : this(PayPlatformKeys.FromOptions(options.Value), time, owner: true)
    {
    }

    private PayNotificationVerifier(PayPlatformKeys keys, TimeProvider time, bool owner)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        this.keys = keys;
        this.time = time;
        ownsKeys = owner;
    }

    /// <summary>A verifier over <paramref name="keys"/> (still owned by the caller).</summary>
    public static PayNotificationVerifier WithKeys(PayPlatformKeys keys, TimeProvider time) => new(keys, time, owner: false);

    public PayPlatformKeys Keys => keys;

    /// <summary>Checks <paramref name="body"/> (the raw bytes received, not re-serialized JSON) against its headers.</summary>
    public PayVerification Verify(PaySignedHeaders headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (string.IsNullOrWhiteSpace(headers.Timestamp)
            || string.IsNullOrWhiteSpace(headers.Nonce)
            || string.IsNullOrWhiteSpace(headers.Signature)
            || string.IsNullOrWhiteSpace(headers.Serial)
            || (headers.SignatureType is { } type && type != PaySignedHeaders.RsaSignatureType)
            || !long.TryParse(headers.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return PayVerification.Malformed;
        }

        // timestamp ≥ 0 and now ≥ 0, so the difference cannot overflow.
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) >= MaxSkewSeconds)
        {
            return PayVerification.Stale;
        }

        var message = Message(headers.Timestamp, headers.Nonce, body);
        return keys.Verify(headers.Serial, message, headers.Signature) switch
        {
            null => PayVerification.UnknownSerial,
            true => PayVerification.Valid,
            false => PayVerification.BadSignature,
        };
    }

    /// <summary>Checks <paramref name="body"/> against the given header values.</summary>
    public PayVerification Verify(string? timestamp, string? nonce, string? signature, string? serial, ReadOnlySpan<byte> body) =>
        Verify(new PaySignedHeaders(timestamp, nonce, signature, serial), body);

    /// <summary>Disposes the keys when this verifier loaded them from the options.</summary>
    public void Dispose()
    {
        if (ownsKeys)
        {
            keys.Dispose();
        }
    }

    /// <summary>The signed text: <c>timestamp\nnonce\nbody\n</c> with the body's bytes unchanged.</summary>
    public static byte[] Message(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }
}
