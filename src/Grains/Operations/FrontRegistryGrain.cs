using HospitalOrleans.Domain.Operations;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Operations;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.Operations;

/// <summary>
/// Stored, so a front that died is still shown as down after this grain moved to another silo.
/// Each beat is one small write: a few fronts every 10 s.
/// </summary>
public sealed class FrontRegistryGrain(
    [PersistentState("front-registry", GrainStorage.ProviderName)] IPersistentState<FrontRoster> store,
    HospitalClock clock) : Grain, IFrontRegistryGrain
{
    public async Task BeatAsync(string name, string address, DateTimeOffset startedAt)
    {
        var now = clock.Now;
        store.State.Beat(name, address, startedAt, now);
        store.State.Forget(now);
        await store.WriteStateAsync();
    }

    public async Task LeaveAsync(string name)
    {
        if (store.State.Leave(name, clock.Now)) await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<MachineStatus>> GetAsync() => Task.FromResult(store.State.View(clock.Now));
}
