namespace HospitalOrleans.Domain.Directory;

/// <summary>
/// What share of a new pool goes online: the hospital default, overridden per department, overridden
/// per doctor. Live pools are changed one by one through their own ratio control.
/// </summary>
public sealed class RatioPolicy
{
    public int HospitalPercent { get; set; } = 20;
    public Dictionary<string, int> DepartmentPercent { get; set; } = new();
    public Dictionary<string, int> DoctorPercent { get; set; } = new();

    public int PercentFor(Doctor doctor) =>
        DoctorPercent.TryGetValue(doctor.Id, out var byDoctor) ? byDoctor
        : DepartmentPercent.TryGetValue(doctor.DepartmentId, out var byDepartment) ? byDepartment
        : HospitalPercent;

    public static bool IsValidPercent(int percent) => percent is >= 0 and <= 100;
}
