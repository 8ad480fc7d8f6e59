using HospitalOrleans.Domain.Operations;

namespace HospitalOrleans.GrainInterfaces.Operations;

/// <summary>
/// The web fronts' beats and goodbyes (<see cref="FrontRoster"/>): Orleans' membership lists
/// silos, not clients, so the board learns of fronts here. Key 0.
/// </summary>
[Alias("hospital.front-registry")]
public interface IFrontRegistryGrain : IGrainWithIntegerKey
{
    [Alias("beat")] Task BeatAsync(string name, string address, DateTimeOffset startedAt);

    [Alias("leave")] Task LeaveAsync(string name);

    [Alias("fronts")] Task<IReadOnlyList<MachineStatus>> GetAsync();
}
