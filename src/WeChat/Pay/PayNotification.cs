using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// The JSON WeChat Pay posts to a notify_url: an envelope around an encrypted <see cref="Resource"/>.
/// Check the raw body with <see cref="PayNotificationVerifier"/> before trusting anything in it
/// (<see cref="PayNotificationReader"/> does both).
/// </summary>
public sealed record PayNotification
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("create_time")]
    [JsonConverter(typeof(PayTimeConverter))]
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary><c>encrypt-resource</c>.</summary>
    [JsonPropertyName("resource_type")]
    public string ResourceType { get; init; } = "";

    /// <summary>See <see cref="PayEventTypes"/>.</summary>
    [JsonPropertyName("event_type")]
    public string EventType { get; init; } = "";

    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    [JsonPropertyName("resource")]
    public PayNotificationResource? Resource { get; init; }

    public string ToJson() => PayJson.Write(this);

    /// <summary>The envelope in <paramref name="body"/>; null unless it has an id, an event type and a resource with ciphertext and nonce.</summary>
    public static PayNotification? Parse(ReadOnlySpan<byte> body) =>
        PayJson.Read<PayNotification>(body) is { Id.Length: > 0, EventType.Length: > 0, Resource: { Ciphertext.Length: > 0, Nonce.Length: > 0 } } notification
            ? notification
            : null;

    /// <summary>Decrypts <see cref="Resource"/> with the APIv3 key.</summary>
    public PayDecryptResult DecryptResource(string apiV3Key) =>
        Resource is { } resource
            ? PayResourceDecryptor.Decrypt(apiV3Key, resource.Nonce, resource.AssociatedData, resource.Ciphertext)
            : PayDecryptResult.Failure(PayDecryptError.InvalidCiphertext);
}

/// <summary>The encrypted part of a notification (see <see cref="PayResourceDecryptor"/>).</summary>
public sealed record PayNotificationResource
{
    /// <summary><c>transaction</c> or <c>refund</c>.</summary>
    [JsonPropertyName("original_type")]
    public string OriginalType { get; init; } = "";

    [JsonPropertyName("algorithm")]
    public string Algorithm { get; init; } = "";

    [JsonPropertyName("ciphertext")]
    public string Ciphertext { get; init; } = "";

    [JsonPropertyName("associated_data")]
    public string? AssociatedData { get; init; }

    [JsonPropertyName("nonce")]
    public string Nonce { get; init; } = "";
}

/// <summary>The <c>event_type</c> values of the notifications this platform receives.</summary>
public static class PayEventTypes
{
    public const string TransactionSuccess = "TRANSACTION.SUCCESS";
    public const string RefundSuccess = "REFUND.SUCCESS";
    public const string RefundAbnormal = "REFUND.ABNORMAL";
    public const string RefundClosed = "REFUND.CLOSED";
}
