using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// The WeChat Pay public keys a message may be signed with, each found by the value WeChat Pay
/// puts in <c>Wechatpay-Serial</c>: a platform certificate's serial number, or a public-key id
/// (<c>PUB_KEY_ID_…</c>). Certificate chains and validity dates are not checked: trust comes
/// from the configuration, as in the official SDKs. Thread-safe.
/// </summary>
public sealed class PayPlatformKeys : IDisposable
{
    private readonly Dictionary<string, Entry> keys = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The certificates and public key configured in <paramref name="options"/>; unusable entries are skipped (the validator reports them).</summary>
    public static PayPlatformKeys FromOptions(WeChatPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new PayPlatformKeys();
        store.AddCertificatesPem(options.PlatformCertificatePem);
        if (PayRules.IsPublicKeyId(options.PlatformPublicKeyId) && PayKeys.TryLoadPublicKey(options.PlatformPublicKeyPem) is { } key)
        {
            store.AddPublicKey(options.PlatformPublicKeyId!, key);
        }

        return store;
    }

    /// <summary>The serials and ids known, normalized (<see cref="PayKeys.NormalizeSerial"/>).</summary>
    public IReadOnlyList<string> Serials
    {
        get
        {
            lock (gate)
            {
                return [.. keys.Keys];
            }
        }
    }

    /// <summary>Adds every RSA certificate in <paramref name="pem"/> under its serial number; the number added.</summary>
    public int AddCertificatesPem(string? pem)
    {
        var certificates = PayKeys.TryLoadCertificates(pem);
        foreach (var certificate in certificates)
        {
            using (certificate)
            {
                AddCertificate(certificate);
            }
        }

        return certificates.Count;
    }

    /// <summary>Adds the certificate's RSA key under its serial number.</summary>
    public void AddCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var key = certificate.GetRSAPublicKey() ?? throw new ArgumentException("The certificate has no RSA key.", nameof(certificate));
        AddPublicKey(certificate.SerialNumber, key);
    }

    /// <summary>Adds <paramref name="publicKey"/> (now owned by this store) under <paramref name="serialOrId"/>.</summary>
    public void AddPublicKey(string serialOrId, RSA publicKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serialOrId);
        ArgumentNullException.ThrowIfNull(publicKey);
        lock (gate)
        {
            var name = PayKeys.NormalizeSerial(serialOrId);
            if (keys.Remove(name, out var old))
            {
                old.Key.Dispose();
            }

            keys.Add(name, new Entry(publicKey));
        }
    }

    public bool Contains(string? serial) => serial is not null && Find(serial) is not null;

    /// <summary>Verifies with the key of <paramref name="serial"/>; null when no key has that serial.</summary>
    internal bool? Verify(string serial, ReadOnlySpan<byte> message, string signature)
    {
        if (Find(serial) is not { } entry)
        {
            return null;
        }

        lock (entry.Gate)
        {
            return PayKeys.Verify(entry.Key, message, signature);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var entry in keys.Values)
            {
                entry.Key.Dispose();
            }

            keys.Clear();
        }
    }

    private Entry? Find(string serial)
    {
        lock (gate)
        {
            return keys.GetValueOrDefault(PayKeys.NormalizeSerial(serial));
        }
    }

    private sealed record Entry(RSA Key)
    {
        public Lock Gate { get; } = new();
    }
}
