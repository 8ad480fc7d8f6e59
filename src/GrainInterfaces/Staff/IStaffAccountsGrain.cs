namespace HospitalOrleans.GrainInterfaces.Staff;

/// <summary>Staff accounts with their password hashes and roles. One activation, key 0.</summary>
[Alias("hospital.staff-accounts")]
public interface IStaffAccountsGrain : IGrainWithIntegerKey
{
    [Alias("find")] Task<StaffAccount?> FindAsync(string userName);

    [Alias("set")] Task SetAsync(StaffAccount account);
}

[GenerateSerializer, Alias("hospital.StaffAccount")]
public sealed record StaffAccount(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] IReadOnlyList<string> Roles);
