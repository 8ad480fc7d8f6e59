using System.Security.Cryptography;

namespace HospitalOrleans.WeChatSimulator.Infrastructure;

/// <summary>Unguessable strings in the shapes WeChat uses.</summary>
public static class RandomText
{
    public const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    public const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Of(int length, string alphabet = UrlSafe) => RandomNumberGenerator.GetString(alphabet, length);

    public static string Digits(int length) => RandomNumberGenerator.GetString("0123456789", length);

    /// <summary>QR tickets are standard Base64, so a client that forgets to URL-encode them breaks here as it would on WeChat.</summary>
    public static string QrTicket() => "gQ" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(70));

    /// <summary>A request id like the <c>rid</c> WeChat appends to error messages.</summary>
    public static string RequestId() => $"{Of(8, "0123456789abcdef")}-{Of(8, "0123456789abcdef")}-{Of(8, "0123456789abcdef")}";
}
