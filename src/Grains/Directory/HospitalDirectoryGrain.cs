using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.Directory;

public sealed class HospitalDirectoryGrain(
    [PersistentState("directory", GrainStorage.ProviderName)] IPersistentState<HospitalDirectory> store,
    BookingCalendar calendar) : Grain, IHospitalDirectoryGrain
{
    private HospitalDirectory Directory => store.State;

    public async Task<bool> SeedIfEmptyAsync(HospitalDirectory seed)
    {
        if (!Directory.IsEmpty) return false;
        store.State = seed;
        await store.WriteStateAsync();
        return true;
    }

    public Task<HospitalDirectory> GetAsync() => Task.FromResult(Directory);

    public Task<IReadOnlyList<string>> PoolsOnAsync(DateOnly date, string? departmentId) =>
        Task.FromResult<IReadOnlyList<string>>(Directory.PoolsOn(date, departmentId).Select(p => p.ToString()).ToList());

    public Task<PoolPlan?> PlanPoolAsync(string poolId)
    {
        if (!PoolId.TryParse(poolId, out var id)) return Task.FromResult<PoolPlan?>(null);
        var definition = Directory.Define(id, calendar);
        if (definition is null) return Task.FromResult<PoolPlan?>(null);
        var doctor = Directory.FindDoctor(id.DoctorId)!;
        return Task.FromResult<PoolPlan?>(new PoolPlan(definition, Directory.Ratio.PercentFor(doctor)));
    }

    public async Task<DirectoryChangeResult> SetWeeklyClinicsAsync(string doctorId, List<WeeklyClinic> clinics)
    {
        if (Directory.FindDoctor(doctorId) is null) return DirectoryChangeResult.Refused($"Unknown doctor '{doctorId}'.");
        var problem = ClinicRules.CheckWeekly(doctorId, clinics);
        if (problem is not null) return DirectoryChangeResult.Refused(problem);
        Directory.WeeklyClinics.RemoveAll(c => c.DoctorId == doctorId);
        Directory.WeeklyClinics.AddRange(clinics);
        await store.WriteStateAsync();
        return DirectoryChangeResult.Done;
    }

    public async Task<DirectoryChangeResult> AddOverrideAsync(ClinicOverride change)
    {
        if (Directory.FindDoctor(change.DoctorId) is null) return DirectoryChangeResult.Refused($"Unknown doctor '{change.DoctorId}'.");
        var problem = ClinicRules.CheckOverride(change);
        if (problem is not null) return DirectoryChangeResult.Refused(problem);
        Directory.Overrides.Add(change);
        await store.WriteStateAsync();
        return DirectoryChangeResult.Done;
    }

    public async Task<DirectoryChangeResult> SetRatioPolicyAsync(string scope, string? id, int? percent)
    {
        if (percent is { } p && !RatioPolicy.IsValidPercent(p)) return DirectoryChangeResult.Refused($"Online share must be 0–100 %, got {p}.");
        var policy = Directory.Ratio;
        switch (scope)
        {
            case "hospital" when percent is { } value:
                policy.HospitalPercent = value;
                break;
            case "department" when id is not null && Directory.FindDepartment(id) is not null:
                Set(policy.DepartmentPercent, id, percent);
                break;
            case "doctor" when id is not null && Directory.FindDoctor(id) is not null:
                Set(policy.DoctorPercent, id, percent);
                break;
            default:
                return DirectoryChangeResult.Refused("Scope must be 'hospital' with a percent, or 'department'/'doctor' with a known id.");
        }
        await store.WriteStateAsync();
        return DirectoryChangeResult.Done;
    }

    private static void Set(Dictionary<string, int> overrides, string id, int? percent)
    {
        if (percent is { } value) overrides[id] = value;
        else overrides.Remove(id);
    }
}
