using HospitalOrleans.GrainInterfaces.Directory;

namespace HospitalOrleans.Grains.Patients;

/// <summary>
/// Which department a doctor works in, cached per silo: every booking's fairness check needs it,
/// and asking the directory's single activation at 07:00 for each would make it the bottleneck.
/// </summary>
public sealed class DoctorDepartments(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
    private volatile Snapshot? _snapshot;

    public async Task<string?> DepartmentOfAsync(string doctorId)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.LoadedAt > Freshness || !snapshot.Departments.ContainsKey(doctorId))
        {
            var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
            snapshot = new Snapshot(directory.Doctors.ToDictionary(d => d.Id, d => d.DepartmentId), time.GetUtcNow());
            _snapshot = snapshot;
        }
        return snapshot.Departments.GetValueOrDefault(doctorId);
    }

    private sealed record Snapshot(Dictionary<string, string> Departments, DateTimeOffset LoadedAt);
}
