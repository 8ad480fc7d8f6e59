using System.Security.Cryptography;
using HospitalOrleans.GrainInterfaces.Staff;
using HospitalOrleans.Hosting.Resilience;

namespace HospitalOrleans.WebFront.Auth;

/// <summary>
/// Demo mode: creates clerk1, ops1, doctor1, finance1 and admin1 with the password from Demo:StaffPassword,
/// or a generated one printed on the console. The password is reset at every start, so the one
/// printed is always the one that works.
/// </summary>
public sealed class DemoStaffAccounts(IGrainFactory grains, IConfiguration configuration, ILogger<DemoStaffAccounts> logger) : BackgroundService
{
    public static readonly (string UserName, string DisplayName, string Role)[] Accounts =
    [
        ("clerk1", "挂号窗口 1", Roles.Clerk),
        ("ops1", "运营管理 1", Roles.Operations),
        ("doctor1", "王建国医生", Roles.Doctor),
        ("finance1", "财务科 1", Roles.Finance),
        ("admin1", "系统管理员", Roles.Admin),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var password = configuration["Demo:StaffPassword"];
        if (string.IsNullOrEmpty(password))
        {
            password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            Console.WriteLine($"Demo staff accounts clerk1, ops1, doctor1, finance1, admin1 — password: {password}  (set Demo:StaffPassword to choose one)");
        }
        var accounts = grains.GetGrain<IStaffAccountsGrain>(0);
        await StartupRetry.RunAsync("demo staff accounts", async () =>
        {
            foreach (var (userName, displayName, role) in Accounts)
                await accounts.SetAsync(new StaffAccount(userName, displayName, StaffSignIn.Hash(userName, password), [role]));
        }, logger, stoppingToken);
    }
}
