using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// Opens (and, for simulators, seals) the <c>resource</c> of a notification: AEAD_AES_256_GCM with
/// the APIv3 key's bytes as key, the 12-character <c>nonce</c> as IV, <c>associated_data</c> as AAD
/// and Base64 <c>ciphertext</c> whose last 16 bytes are the tag. 16- and 24-byte keys work too
/// (AES-128/192-GCM), which the published wechatpay-go vectors need; the options validator alone
/// insists on 32. Never throws on hostile input.
/// </summary>
public static class PayResourceDecryptor
{
    /// <summary>The only <c>resource.algorithm</c> WeChat Pay uses.</summary>
    public const string Algorithm = "AEAD_AES_256_GCM";

    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static PayDecryptResult Decrypt(string? apiV3Key, string? nonce, string? associatedData, string? ciphertextBase64)
    {
        if (!TryKey(apiV3Key, out var key))
        {
            return PayDecryptResult.Failure(PayDecryptError.InvalidKey);
        }

        if (nonce is null || Encoding.UTF8.GetByteCount(nonce) != NonceBytes)
        {
            return PayDecryptResult.Failure(PayDecryptError.InvalidNonce);
        }

        var sealedBytes = new byte[ciphertextBase64?.Length ?? 0];
        if (string.IsNullOrEmpty(ciphertextBase64)
            || !Convert.TryFromBase64String(ciphertextBase64, sealedBytes, out var length)
            || length < TagBytes)
        {
            return PayDecryptResult.Failure(PayDecryptError.InvalidCiphertext);
        }

        var cipher = sealedBytes.AsSpan(0, length - TagBytes);
        var tag = sealedBytes.AsSpan(length - TagBytes, TagBytes);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(Encoding.UTF8.GetBytes(nonce), cipher, tag, plain, Encoding.UTF8.GetBytes(associatedData ?? ""));
        }
        catch (AuthenticationTagMismatchException)
        {
            return PayDecryptResult.Failure(PayDecryptError.AuthenticationFailed);
        }
        catch (CryptographicException)
        {
            return PayDecryptResult.Failure(PayDecryptError.AuthenticationFailed);
        }

        try
        {
            return PayDecryptResult.Success(StrictUtf8.GetString(plain));
        }
        catch (DecoderFallbackException)
        {
            return PayDecryptResult.Failure(PayDecryptError.NotUtf8);
        }
    }

    /// <summary>
    /// Seals <paramref name="plaintext"/> as WeChat Pay does (for a simulator and for tests): Base64 of
    /// ciphertext followed by the 16-byte tag.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not 16, 24 or 32 bytes, or the nonce not 12.</exception>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (!TryKey(apiV3Key, out var key))
        {
            throw new ArgumentException("The APIv3 key must be 16, 24 or 32 bytes.", nameof(apiV3Key));
        }

        var nonceBytes = Encoding.UTF8.GetBytes(nonce ?? "");
        if (nonceBytes.Length != NonceBytes)
        {
            throw new ArgumentException("The nonce must be 12 bytes.", nameof(nonce));
        }

        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plain.Length + TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonceBytes, plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData ?? ""));
        return Convert.ToBase64String(output);
    }

    /// <summary>A fresh 12-character nonce for <see cref="Encrypt"/>.</summary>
    public static string NewNonce() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", NonceBytes);

    private static bool TryKey(string? apiV3Key, out byte[] key)
    {
        key = apiV3Key is null ? [] : Encoding.UTF8.GetBytes(apiV3Key);
        return key.Length is 16 or 24 or 32;
    }
}

/// <summary>Why a resource could not be opened.</summary>
public enum PayDecryptError
{
    None = 0,

    /// <summary>The key is not 16, 24 or 32 bytes.</summary>
    InvalidKey,

    /// <summary>The nonce is not 12 bytes.</summary>
    InvalidNonce,

    /// <summary>The ciphertext is not Base64, or shorter than the tag.</summary>
    InvalidCiphertext,

    /// <summary>The tag does not match: wrong key, wrong AAD or nonce, or altered bytes.</summary>
    AuthenticationFailed,

    /// <summary>Authentic, but not UTF-8 text.</summary>
    NotUtf8,
}

/// <summary>The plaintext of a resource, or why there is none.</summary>
public sealed record PayDecryptResult(string? Plaintext, PayDecryptError Error)
{
    public bool Ok => Error == PayDecryptError.None && Plaintext is not null;

    public static PayDecryptResult Success(string plaintext) => new(plaintext, PayDecryptError.None);

    public static PayDecryptResult Failure(PayDecryptError error) => new(null, error);

    // The plaintext carries openids and amounts; it stays out of logs.
    public override string ToString() => Ok ? "PayDecryptResult { Ok }" : $"PayDecryptResult {{ Error = {Error} }}";
}
