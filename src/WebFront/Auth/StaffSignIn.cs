using System.Security.Claims;
using HospitalOrleans.GrainInterfaces.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HospitalOrleans.WebFront.Auth;

/// <summary>Checks a staff password with the standard ASP.NET Core password hasher.</summary>
public sealed class StaffSignIn(IGrainFactory grains)
{
    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string userName, string password) => Hasher.HashPassword(userName, password);

    public async Task<ClaimsPrincipal?> VerifyAsync(string userName, string password)
    {
        var name = userName.Trim().ToLowerInvariant();
        var account = await grains.GetGrain<IStaffAccountsGrain>(0).FindAsync(name);
        if (account is null)
        {
            // Same work for unknown users, so timing does not reveal which names exist.
            Hasher.VerifyHashedPassword(name, DummyHash, password);
            return null;
        }
        if (Hasher.VerifyHashedPassword(name, account.PasswordHash, password) == PasswordVerificationResult.Failed) return null;
        var claims = new List<Claim> { new(ClaimTypes.Name, account.UserName), new("display_name", account.DisplayName) };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static readonly string DummyHash = Hasher.HashPassword("nobody", Guid.NewGuid().ToString());
}
