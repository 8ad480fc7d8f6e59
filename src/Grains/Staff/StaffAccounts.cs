using HospitalOrleans.GrainInterfaces.Staff;

namespace HospitalOrleans.Grains.Staff;

public sealed class StaffAccounts
{
    public Dictionary<string, StaffAccountRecord> ByUserName { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class StaffAccountRecord
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = new();

    public StaffAccount ToContract() => new(UserName, DisplayName, PasswordHash, Roles);

    public static StaffAccountRecord From(StaffAccount account) => new()
    {
        UserName = account.UserName,
        DisplayName = account.DisplayName,
        PasswordHash = account.PasswordHash,
        Roles = account.Roles.ToList(),
    };
}
