using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.WebFront.Apis;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>A department's doctors: title, specialty, fee.</summary>
public sealed class DepartmentModel(IGrainFactory grains) : HospitalPageModel
{
    public DepartmentDto? Department { get; private set; }

    public IReadOnlyList<DoctorDto> Doctors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        if (directory.FindDepartment(id) is not { } department) return Fail(T.UnknownDepartment, StatusCodes.Status404NotFound);
        Department = DepartmentDto.From(department);
        Doctors = directory.Doctors
            .Where(d => d.DepartmentId == id)
            .Select(d => DoctorDto.From(d, directory.Fees))
            .OrderByDescending(d => d.Famous)
            .ToList();
        return Page();
    }
}
