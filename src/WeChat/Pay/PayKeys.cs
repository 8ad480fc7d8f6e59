using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>Loading the RSA keys of WeChat Pay from PEM, and the RSA-SHA256 (PKCS#1 v1.5) signatures made with them.</summary>
public static class PayKeys
{
    /// <summary>WeChat Pay keys are 2048-bit RSA; shorter keys are refused.</summary>
    public const int MinKeyBits = 2048;

    /// <summary>An RSA private key from PEM (<c>PRIVATE KEY</c> or <c>RSA PRIVATE KEY</c>); null when there is none or it is not RSA.</summary>
    public static RSA? TryLoadPrivateKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            // A public-key PEM imports too; signing needs the private half.
            rsa.SignData([], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return rsa;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            return null;
        }
    }

    /// <summary>An RSA public key from a <c>PUBLIC KEY</c> (or <c>RSA PUBLIC KEY</c>) PEM; null when there is none.</summary>
    public static RSA? TryLoadPublicKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem) || pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            return null;
        }
    }

    /// <summary>Every certificate in <paramref name="pem"/> with an RSA key; empty when there is none or the PEM is broken.</summary>
    public static IReadOnlyList<X509Certificate2> TryLoadCertificates(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return [];
        }

        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            foreach (var certificate in collection)
            {
                certificate.Dispose();
            }

            return [];
        }

        var usable = new List<X509Certificate2>();
        foreach (var certificate in collection)
        {
            using var key = certificate.GetRSAPublicKey();
            if (key is null)
            {
                certificate.Dispose();
            }
            else
            {
                usable.Add(certificate);
            }
        }

        return usable;
    }

    /// <summary>
    /// A certificate serial as WeChat Pay writes it in <c>Wechatpay-Serial</c>: upper-case hex
    /// without leading zeros (.NET keeps the DER sign byte: <c>00D7CE59D1F522D701</c> is <c>D7CE59D1F522D701</c>).
    /// Text that is not hex (a <c>PUB_KEY_ID_…</c>) is returned unchanged.
    /// </summary>
    public static string NormalizeSerial(string serial)
    {
        if (serial.Length == 0 || !serial.All(char.IsAsciiHexDigit))
        {
            return serial;
        }

        var trimmed = serial.TrimStart('0').ToUpperInvariant();
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    /// <summary>Base64 of RSA-SHA256 PKCS#1 v1.5 over the UTF-8 bytes of <paramref name="message"/>.</summary>
    public static string Sign(RSA privateKey, string message) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>True when <paramref name="signatureBase64"/> is a valid RSA-SHA256 signature of <paramref name="message"/>; never throws on bad input.</summary>
    public static bool Verify(RSA publicKey, string message, string? signatureBase64) =>
        Verify(publicKey, Encoding.UTF8.GetBytes(message), signatureBase64);

    /// <summary>True when <paramref name="signatureBase64"/> is a valid RSA-SHA256 signature of <paramref name="message"/>; never throws on bad input.</summary>
    public static bool Verify(RSA publicKey, ReadOnlySpan<byte> message, string? signatureBase64)
    {
        if (string.IsNullOrEmpty(signatureBase64))
        {
            return false;
        }

        var signature = new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var length))
        {
            return false;
        }

        try
        {
            return publicKey.VerifyData(message, signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
