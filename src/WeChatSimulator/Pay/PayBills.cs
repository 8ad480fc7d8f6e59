using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>Trade-bill files applied for, by download token (kept for the process's life: a demo's handful).</summary>
public sealed class PayBills
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>Stores the file; its download token and SHA-1 (lower-case hex).</summary>
    public (string Token, string Sha1) Add(byte[] file)
    {
        var token = Infrastructure.RandomText.Of(32, Infrastructure.RandomText.Alphanumeric);
        _files[token] = file;
        return (token, Convert.ToHexStringLower(SHA1.HashData(file)));
    }

    public byte[]? Find(string? token) => token is null ? null : _files.GetValueOrDefault(token);
}
