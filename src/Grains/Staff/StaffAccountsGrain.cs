using HospitalOrleans.GrainInterfaces.Staff;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.Staff;

public sealed class StaffAccountsGrain(
    [PersistentState("staff", GrainStorage.ProviderName)] IPersistentState<StaffAccounts> store) : Grain, IStaffAccountsGrain
{
    public Task<StaffAccount?> FindAsync(string userName) =>
        Task.FromResult(store.State.ByUserName.TryGetValue(userName, out var account) ? account.ToContract() : null);

    public async Task SetAsync(StaffAccount account)
    {
        store.State.ByUserName[account.UserName] = StaffAccountRecord.From(account);
        await store.WriteStateAsync();
    }
}
