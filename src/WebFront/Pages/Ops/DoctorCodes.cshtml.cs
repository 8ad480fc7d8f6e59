using HospitalOrleans.Domain.Directory;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Ops;

/// <summary>Printable permanent QR codes of one department's doctors (each created once, on first view).</summary>
[Authorize(Policy = Policies.ClerkOrOperations)]
public sealed class DoctorCodesModel(IGrainFactory grains) : HospitalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? DepartmentId { get; set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public IReadOnlyList<Doctor> Doctors { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        Departments = directory.Departments;
        DepartmentId = directory.FindDepartment(DepartmentId ?? "") is null ? Departments.FirstOrDefault()?.Id : DepartmentId;
        Doctors = directory.Doctors.Where(d => d.DepartmentId == DepartmentId).ToList();
    }
}
