using HospitalOrleans.Domain.Directory;

namespace HospitalOrleans.GrainInterfaces.Directory;

/// <summary>The hospital's departments, doctors, clinics and ratio policy. One activation, key 0.</summary>
[Alias("hospital.directory")]
public interface IHospitalDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Stores <paramref name="seed"/> when the directory is empty; returns whether it did.</summary>
    [Alias("seed")] Task<bool> SeedIfEmptyAsync(HospitalDirectory seed);

    [Alias("get")] Task<HospitalDirectory> GetAsync();

    /// <summary>Pool ids held on a date, optionally in one department.</summary>
    [Alias("pools-on")] Task<IReadOnlyList<string>> PoolsOnAsync(DateOnly date, string? departmentId);

    /// <summary>What a pool opens with, or null when the schedule holds no such clinic.</summary>
    [Alias("plan-pool")] Task<PoolPlan?> PlanPoolAsync(string poolId);

    /// <summary>Replaces a doctor's weekly clinics; pools already opened keep their numbers.</summary>
    [Alias("set-weekly")] Task<DirectoryChangeResult> SetWeeklyClinicsAsync(string doctorId, List<WeeklyClinic> clinics);

    /// <summary>Adds an extra clinic or cancels one on a date.</summary>
    [Alias("add-override")] Task<DirectoryChangeResult> AddOverrideAsync(ClinicOverride change);

    /// <summary>Sets the online share new pools open with, for the hospital, a department or a doctor (null percent removes an override).</summary>
    [Alias("set-ratio-policy")] Task<DirectoryChangeResult> SetRatioPolicyAsync(string scope, string? id, int? percent);
}

[GenerateSerializer, Alias("hospital.DirectoryChangeResult")]
public sealed record DirectoryChangeResult(
    [property: Id(0)] bool Ok,
    [property: Id(1)] string? Error)
{
    public static readonly DirectoryChangeResult Done = new(true, null);
    public static DirectoryChangeResult Refused(string error) => new(false, error);
}
