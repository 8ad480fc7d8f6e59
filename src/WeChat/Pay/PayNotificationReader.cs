using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// Everything between a notify_url POST and a trusted resource: signature and freshness
/// (<see cref="PayNotificationVerifier"/>), envelope, algorithm, decryption with the APIv3 key.
/// Never throws on hostile input. Notifications repeat: apply them idempotently, and check the
/// mchid and amount against your own order.
/// </summary>
public sealed class PayNotificationReader
{
    private readonly PayNotificationVerifier verifier;
    private readonly string apiV3Key;

    public PayNotificationReader(PayNotificationVerifier verifier, IOptions<WeChatPayOptions> options)
        : this(verifier, options.Value.ApiV3Key)
    {
    }

    /// <summary>With an explicit APIv3 key (16-byte test keys included).</summary>
    public PayNotificationReader(PayNotificationVerifier verifier, string apiV3Key)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(apiV3Key);
        this.verifier = verifier;
        this.apiV3Key = apiV3Key;
    }

    public PayNotificationRead Read(PaySignedHeaders headers, ReadOnlySpan<byte> body)
    {
        var verification = verifier.Verify(headers, body);
        if (verification != PayVerification.Valid)
        {
            return PayNotificationRead.Refused(verification);
        }

        if (PayNotification.Parse(body) is not { Resource: { } resource } notification
            || resource.Algorithm != PayResourceDecryptor.Algorithm)
        {
            return PayNotificationRead.Refused(PayVerification.Malformed);
        }

        var plain = notification.DecryptResource(apiV3Key);
        return plain.Ok
            ? new PayNotificationRead(PayNotificationStatus.Ok, notification, plain.Plaintext)
            : new PayNotificationRead(PayNotificationStatus.Undecryptable, notification, null);
    }
}

/// <summary>Why a notification was (not) accepted.</summary>
public enum PayNotificationStatus
{
    Ok = 0,
    BadSignature,
    UnknownSerial,
    Stale,

    /// <summary>Headers or envelope are not of the documented shape, or the algorithm is not AEAD_AES_256_GCM.</summary>
    Malformed,

    /// <summary>Authentic envelope whose resource does not open with the APIv3 key.</summary>
    Undecryptable,
}

/// <summary>A notification read by <see cref="PayNotificationReader"/>: the envelope and the decrypted resource JSON when <see cref="Ok"/>.</summary>
public sealed record PayNotificationRead(PayNotificationStatus Status, PayNotification? Notification, string? ResourceJson)
{
    public bool Ok => Status == PayNotificationStatus.Ok && ResourceJson is not null;

    /// <summary>The resource as a payment (event TRANSACTION.*); null otherwise.</summary>
    public Transaction? Transaction() =>
        Ok && Notification!.Resource!.OriginalType == "transaction" ? Pay.Transaction.Parse(ResourceJson) : null;

    /// <summary>The resource as a refund (event REFUND.*); null otherwise.</summary>
    public RefundResource? Refund() =>
        Ok && Notification!.Resource!.OriginalType == "refund" ? RefundResource.Parse(ResourceJson) : null;

    internal static PayNotificationRead Refused(PayVerification verification) => new(
        verification switch
        {
            PayVerification.BadSignature => PayNotificationStatus.BadSignature,
            PayVerification.UnknownSerial => PayNotificationStatus.UnknownSerial,
            PayVerification.Stale => PayNotificationStatus.Stale,
            _ => PayNotificationStatus.Malformed,
        },
        null,
        null);

    // The resource carries openids and amounts.
    public override string ToString() => $"PayNotificationRead {{ Status = {Status}, Id = {Notification?.Id}, EventType = {Notification?.EventType} }}";
}
