using HospitalOrleans.Domain.Directory;
using HospitalOrleans.GrainInterfaces.Directory;

namespace HospitalOrleans.Grains.Directory;

/// <summary>
/// The hospital directory (departments, doctors), cached per process for a few minutes. Every
/// booking's fairness check needs a doctor's department, every notice and doctor card a name:
/// asking the directory's single activation each time would make it the bottleneck at 07:00.
/// A doctor not in the snapshot (added since) refreshes it at once.
/// </summary>
public sealed class DirectoryCache(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
    private volatile Snapshot? _snapshot;

    public async Task<HospitalDirectory> GetAsync(string? mustKnowDoctor = null)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.LoadedAt > Freshness
            || (mustKnowDoctor is not null && snapshot.Directory.FindDoctor(mustKnowDoctor) is null))
        {
            snapshot = new Snapshot(await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync(), time.GetUtcNow());
            _snapshot = snapshot;
        }
        return snapshot.Directory;
    }

    public async Task<string?> DepartmentOfAsync(string doctorId) =>
        (await GetAsync(doctorId)).FindDoctor(doctorId)?.DepartmentId;

    private sealed record Snapshot(HospitalDirectory Directory, DateTimeOffset LoadedAt);
}
