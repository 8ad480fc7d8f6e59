using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>
/// Until patient cards exist, a WeChat user books as one patient whose id is derived from the
/// OpenID. The id is a hash, so the OpenID itself never appears in bookings or on tickets.
/// </summary>
public static class PatientIdentity
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string ForOpenId(string appId, string openId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"wechat:{appId}:{openId}"));
        var id = new StringBuilder("w", 24);
        // Base32 of the first 115 bits: 23 characters, letters and digits only, as patient ids require.
        for (var i = 0; i < 23; i++)
        {
            var bit = i * 5;
            var value = ((hash[bit / 8] << 8) | hash[bit / 8 + 1]) >> (11 - bit % 8) & 31;
            id.Append(Alphabet[value]);
        }
        return id.ToString();
    }
}
