using HospitalOrleans.Domain.Operations;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Operations;

namespace HospitalOrleans.Grains.Operations;

/// <summary>The silos from Orleans' membership table, the fronts from their registry (<see cref="FrontRoster"/>).</summary>
public static class ClusterStatusReader
{
    public static async Task<ClusterStatus> ReadAsync(IGrainFactory grains, DateTimeOffset now)
    {
        var hosts = grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var fronts = grains.GetGrain<IFrontRegistryGrain>(0).GetAsync();
        return new ClusterStatus(SiloRoster.View((await hosts).Select(RowOf), now), await fronts);
    }

    private static SiloRow RowOf(MembershipEntry entry) => new(
        string.IsNullOrEmpty(entry.SiloName) ? entry.HostName : entry.SiloName,
        entry.SiloAddress.Endpoint.ToString(),
        entry.Status switch
        {
            SiloStatus.Active => SiloRowStatus.Active,
            SiloStatus.ShuttingDown or SiloStatus.Stopping => SiloRowStatus.ShuttingDown,
            SiloStatus.Dead => SiloRowStatus.Dead,
            _ => SiloRowStatus.Joining,
        },
        Local(entry.StartTime),
        Local(entry.IAmAliveTime > entry.StartTime ? entry.IAmAliveTime : entry.StartTime), // not written yet: its start
        // Orleans adds a leaving silo to its own suspectors, "for easier diagnostics later on".
        entry.SuspectTimes?.Exists(vote => vote.Item1.Equals(entry.SiloAddress)) == true);

    /// <summary>The membership table keeps UTC times without a kind.</summary>
    private static DateTimeOffset Local(DateTime utc) => HospitalTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
