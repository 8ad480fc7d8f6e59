using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.Baselines.Auth;

/// <summary>
/// The two staff accounts the rush needs, <c>clerk1</c> and <c>ops1</c>, with the password from
/// <c>--staff-password</c>. Compared in constant time; no password hashing, since these accounts exist
/// only on a load-test host and sign in a handful of times per run.
/// </summary>
public sealed class StaffAccounts(BaselineOptions options)
{
    private static readonly Dictionary<string, string> RoleOf = new(StringComparer.Ordinal)
    {
        ["clerk1"] = Roles.Clerk,
        ["ops1"] = Roles.Operations,
    };

    private readonly byte[] _password = SHA256.HashData(Encoding.UTF8.GetBytes(options.StaffPassword));

    public ClaimsPrincipal? Verify(string userName, string password)
    {
        var name = userName.Trim().ToLowerInvariant();
        var matches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), _password);
        return matches && RoleOf.TryGetValue(name, out var role) ? Principals.Create(name, [role]) : null;
    }
}
