using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// The text in a scan-to-pay QR code: <c>{invoiceId}.{expiresUnix}.{mac}</c>, the MAC an
/// HMAC-SHA256 in base64url (43 characters). It carries the invoice id and an expiry and nothing
/// else: never the amount or the items, which the pay page reads from the invoice itself, so a
/// token cannot be edited into a cheaper bill and a photo of an old QR code shows today's truth.
/// </summary>
/// <remarks>
/// The MAC covers a purpose label and the two first parts, so a key shared by mistake with another
/// use cannot mint bill tokens. The MAC is compared as text in fixed time: comparing decoded bytes
/// would accept an altered last character whose unused low bits base64 decoding ignores. A token
/// expires at the whole second it names: valid while now is before it, expired from that instant.
/// </remarks>
public static class BillToken
{
    public const int MinKeyBytes = 32;
    private const int MacChars = 43;
    private const string Purpose = "hospital.bill-token.v1:";

    public static string Create(string invoiceId, DateTimeOffset expires, byte[] key)
    {
        if (!InvoiceIds.IsValid(invoiceId))
            throw new ArgumentException($"Invoice id '{invoiceId}' is not {InvoiceIds.MinLength}–{InvoiceIds.MaxLength} characters of [0-9A-Za-z_-].", nameof(invoiceId));
        CheckKey(key);
        var unix = expires.ToUnixTimeSeconds();
        if (unix < 0)
            throw new ArgumentOutOfRangeException(nameof(expires), expires, "A bill token cannot expire before 1970.");
        var body = $"{invoiceId}.{unix.ToString(CultureInfo.InvariantCulture)}";
        return $"{body}.{Mac(body, key)}";
    }

    public static BillTokenCheck Verify(string? token, byte[] key, DateTimeOffset now)
    {
        CheckKey(key);
        if (token is null || token.Length > InvoiceIds.MaxLength + 1 + 12 + 1 + MacChars) return BillTokenCheck.Malformed;
        var parts = token.Split('.');
        if (parts.Length != 3) return BillTokenCheck.Malformed;
        var (invoiceId, expiresText, mac) = (parts[0], parts[1], parts[2]);
        if (!InvoiceIds.IsValid(invoiceId)) return BillTokenCheck.Malformed;
        if (expiresText.Length is < 1 or > 12 || !expiresText.All(char.IsAsciiDigit)) return BillTokenCheck.Malformed;
        if (mac.Length != MacChars || !mac.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return BillTokenCheck.Malformed;

        var expected = Encoding.ASCII.GetBytes(Mac($"{invoiceId}.{expiresText}", key));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac))) return BillTokenCheck.BadSignature;

        var unix = long.Parse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (unix > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return BillTokenCheck.Malformed;
        var expires = DateTimeOffset.FromUnixTimeSeconds(unix);
        return now >= expires
            ? new BillTokenCheck(BillTokenStatus.Expired, invoiceId, expires)
            : new BillTokenCheck(BillTokenStatus.Valid, invoiceId, expires);
    }

    private static string Mac(string body, byte[] key) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Purpose + body)));

    private static void CheckKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyBytes)
            throw new ArgumentException($"A bill token key needs at least {MinKeyBytes} bytes; this one has {key.Length}.", nameof(key));
    }
}
