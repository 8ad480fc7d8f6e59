namespace HospitalOrleans.WeChat.Security;

/// <summary>PKCS#7 padding to an arbitrary block size (WeChat uses 32, wider than the AES block).</summary>
internal static class Pkcs7Padding
{
    /// <summary>How many pad bytes follow <paramref name="length"/> bytes: 1..blockSize, never 0.</summary>
    public static int PadLength(int length, int blockSize) => blockSize - length % blockSize;

    /// <summary>The content before the padding, or null when the padding is not well formed.</summary>
    public static ReadOnlyMemory<byte>? Strip(byte[] padded, int blockSize)
    {
        if (padded.Length == 0)
        {
            return null;
        }

        int pad = padded[^1];
        if (pad < 1 || pad > blockSize || pad > padded.Length)
        {
            return null;
        }

        foreach (var b in padded.AsSpan(padded.Length - pad))
        {
            if (b != pad)
            {
                return null;
            }
        }

        return padded.AsMemory(0, padded.Length - pad);
    }
}
