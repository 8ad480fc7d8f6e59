using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.Grains.Patients.Privacy;

/// <summary>
/// Encrypts ID numbers and phones before they reach storage (AES-256-GCM, a fresh nonce each
/// time) and keys the identity index with an HMAC, so neither the store nor a grain key ever
/// holds a raw number.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Version = "v1:";
    private readonly byte[] _dataKey;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(IOptions<PatientDataOptions> options)
    {
        var faults = options.Value.Validate().ToList();
        if (faults.Count > 0) throw new InvalidOperationException(string.Join(" ", faults));
        _dataKey = Convert.FromBase64String(options.Value.DataKey);
        _indexKey = Convert.FromBase64String(options.Value.IndexKey);
    }

    public string Protect(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[12 + data.Length + 16];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_dataKey, 16);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(12, data.Length), sealedBytes.AsSpan(12 + data.Length, 16));
        return Version + Convert.ToBase64String(sealedBytes);
    }

    public string Unprotect(string protectedText)
    {
        if (!protectedText.StartsWith(Version, StringComparison.Ordinal))
            throw new CryptographicException("Unknown personal-data format.");
        var sealedBytes = Convert.FromBase64String(protectedText[Version.Length..]);
        var length = sealedBytes.Length - 28;
        var plain = new byte[length];
        using var aes = new AesGcm(_dataKey, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12, length), sealedBytes.AsSpan(12 + length, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A stable, keyed, one-way name for a value of a kind (doc, phone, name).</summary>
    public string IndexKeyOf(string kind, string normalizedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes($"{kind}:{normalizedValue}")));
}
