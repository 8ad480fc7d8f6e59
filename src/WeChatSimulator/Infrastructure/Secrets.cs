using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.WeChatSimulator.Infrastructure;

public static class Secrets
{
    /// <summary>Fixed-time comparison, so the simulator does not teach timing attacks by example.</summary>
    public static bool Equal(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
