using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.WeChat.Tests.Support;

/// <summary>
/// AES-256-CBC with a WeChat key but no padding or layout of its own, written independently of
/// MessageCrypt: it crafts damaged plaintexts and looks inside ciphertexts.
/// </summary>
internal sealed class RawCipher(string encodingAesKey)
{
    private readonly byte[] key = Convert.FromBase64String(encodingAesKey + "=");

    public string Encrypt(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    public byte[] Decrypt(string encrypt)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypt), key.AsSpan(0, 16), PaddingMode.None);
    }

    /// <summary>random(16) ‖ length ‖ message ‖ appid, followed by exactly the given tail bytes.</summary>
    public static byte[] Layout(string message, string appId, uint declaredLength, byte[] tail)
    {
        var msg = Encoding.UTF8.GetBytes(message);
        var app = Encoding.ASCII.GetBytes(appId);
        var plain = new byte[16 + 4 + msg.Length + app.Length + tail.Length];
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16), declaredLength);
        msg.CopyTo(plain, 20);
        app.CopyTo(plain, 20 + msg.Length);
        tail.CopyTo(plain, 20 + msg.Length + app.Length);
        return plain;
    }

    /// <summary>The pad WeChat's 32-byte PKCS#7 would add.</summary>
    public static byte[] Pad(int unpaddedLength)
    {
        var n = 32 - unpaddedLength % 32;
        return Enumerable.Repeat((byte)n, n).ToArray();
    }
}
