using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.WeChat.Security;

/// <summary>
/// WeChat safe-mode message encryption (the scheme of the official WXBizMsgCrypt sample):
/// AES-256-CBC over <c>random(16) ‖ length(4, big-endian) ‖ message ‖ appid</c>, PKCS#7-padded
/// to 32-byte blocks, key = base64(EncodingAESKey + "="), IV = first 16 key bytes.
/// </summary>
public sealed class MessageCrypt
{
    /// <summary>WeChat pads to 32 bytes, not to the 16-byte AES block.</summary>
    public const int PadBlockSize = 32;

    private const int RandomLength = 16;
    private const int LengthPrefixSize = 4;
    private const int HeaderLength = RandomLength + LengthPrefixSize;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] key;
    private readonly byte[] iv;
    private readonly byte[] appIdBytes;
    private readonly string appId;

    /// <param name="encodingAesKey">The 43-character EncodingAESKey from the account's server settings.</param>
    /// <param name="appId">The account's appid, written after every message and checked on decryption.</param>
    /// <exception cref="ArgumentException">The key is not 43 characters of [A-Za-z0-9], or the appid is empty.</exception>
    public MessageCrypt(string encodingAesKey, string appId)
    {
        if (!IsLegalKey(encodingAesKey))
        {
            // The message never repeats the key: it is a secret.
            throw new ArgumentException("EncodingAESKey must be exactly 43 characters of [A-Za-z0-9].", nameof(encodingAesKey));
        }

        ArgumentException.ThrowIfNullOrEmpty(appId);
        key = DecodeKey(encodingAesKey);
        iv = key[..16];
        this.appId = appId;
        appIdBytes = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>True when <paramref name="encodingAesKey"/> is 43 characters of [A-Za-z0-9].</summary>
    public static bool IsLegalKey(string? encodingAesKey) =>
        encodingAesKey is { Length: 43 } && encodingAesKey.All(char.IsAsciiLetterOrDigit);

    /// <summary>Encrypts with 16 fresh random bytes in front, as WeChat requires.</summary>
    public string Encrypt(string message)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, random);
    }

    /// <summary>Encrypts with the given 16 leading bytes; for reproducible tests and vectors.</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (random16.Length != RandomLength)
        {
            throw new ArgumentException($"Exactly {RandomLength} random bytes are needed, got {random16.Length}.", nameof(random16));
        }

        var messageBytes = Encoding.UTF8.GetBytes(message);
        var unpadded = HeaderLength + messageBytes.Length + appIdBytes.Length;
        var pad = Pkcs7Padding.PadLength(unpadded, PadBlockSize);
        var plain = new byte[unpadded + pad];

        random16.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), messageBytes.Length);
        messageBytes.CopyTo(plain, HeaderLength);
        appIdBytes.CopyTo(plain, HeaderLength + messageBytes.Length);
        plain.AsSpan(unpadded).Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, iv, PaddingMode.None));
    }

    /// <summary>
    /// Opens an <c>Encrypt</c> value. Never throws: hostile or damaged input comes back as a
    /// <see cref="CryptError"/>.
    /// </summary>
    public CryptResult Decrypt(string encrypt)
    {
        var cipher = DecodeCipher(encrypt);
        if (cipher is null)
        {
            return CryptResult.Failure(CryptError.DecryptAes);
        }

        byte[] plain;
        try
        {
            using var aes = CreateAes();
            plain = aes.DecryptCbc(cipher, iv, PaddingMode.None);
        }
        catch (CryptographicException)
        {
            return CryptResult.Failure(CryptError.DecryptAes);
        }

        return Unpack(plain);
    }

    private CryptResult Unpack(byte[] plain)
    {
        var content = Pkcs7Padding.Strip(plain, PadBlockSize);
        if (content is not { } body || body.Length < HeaderLength)
        {
            return CryptResult.Failure(CryptError.IllegalBuffer);
        }

        // Unsigned so a set high bit reads as "too long", never as a negative length.
        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(body.Span[RandomLength..]);
        if (messageLength > (uint)(body.Length - HeaderLength))
        {
            return CryptResult.Failure(CryptError.IllegalBuffer);
        }

        var messageBytes = body.Span.Slice(HeaderLength, (int)messageLength);
        var trailingAppId = body.Span[(HeaderLength + (int)messageLength)..];
        if (!CryptographicOperations.FixedTimeEquals(trailingAppId, appIdBytes))
        {
            return CryptResult.Failure(CryptError.ValidateAppId);
        }

        try
        {
            return CryptResult.Success(StrictUtf8.GetString(messageBytes), appId);
        }
        catch (DecoderFallbackException)
        {
            return CryptResult.Failure(CryptError.IllegalBuffer);
        }
    }

    private static byte[]? DecodeCipher(string? encrypt)
    {
        if (string.IsNullOrEmpty(encrypt))
        {
            return null;
        }

        var buffer = new byte[encrypt.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(encrypt, buffer, out var written) || written == 0 || written % 16 != 0)
        {
            return null;
        }

        return buffer[..written];
    }

    private static byte[] DecodeKey(string encodingAesKey)
    {
        // 43 characters + "=" carry 32 bytes and 2 spare bits; WeChat keys need not zero those bits,
        // so decode by hand instead of trusting a base64 decoder's strictness about them.
        var bytes = new byte[32];
        var bits = 0;
        var bitCount = 0;
        var written = 0;
        foreach (var c in encodingAesKey)
        {
            bits = (bits << 6) | Base64Value(c);
            bitCount += 6;
            if (bitCount >= 8)
            {
                bitCount -= 8;
                if (written < bytes.Length)
                {
                    bytes[written++] = (byte)(bits >> bitCount);
                }

                bits &= (1 << bitCount) - 1;
            }
        }

        return bytes;
    }

    private static int Base64Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        _ => throw new ArgumentException("EncodingAESKey must be exactly 43 characters of [A-Za-z0-9]."),
    };

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
