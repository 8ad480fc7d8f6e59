namespace HospitalOrleans.WebFront.Billing;

/// <summary>Section <c>Billing</c>: the key that signs scan-to-pay links, and how long a link lives.</summary>
public sealed class BillTokenOptions
{
    public const string Section = "Billing";

    /// <summary>HMAC key of the scan-to-pay tokens: at least 32 random bytes, base64.</summary>
    public string TokenKey { get; set; } = "";

    public int TokenLifetimeMinutes { get; set; } = 120;

    public byte[]? Key()
    {
        var bytes = new byte[128];
        return Convert.TryFromBase64String(TokenKey ?? "", bytes, out var length) ? bytes[..length] : null;
    }
}
