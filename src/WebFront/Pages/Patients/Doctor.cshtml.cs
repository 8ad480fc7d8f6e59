using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Apis;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>A doctor's clinics over the days the schedule shows, with what is left online.</summary>
public sealed class DoctorModel(IGrainFactory grains, HospitalClock clock, BookingCalendar calendar) : HospitalPageModel
{
    public DoctorDto? Doctor { get; private set; }

    public DepartmentDto? Department { get; private set; }

    public IReadOnlyList<PoolView> Sessions { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        if (directory.FindDoctor(id) is not { } doctor || directory.FindDepartment(doctor.DepartmentId) is not { } department)
            return Fail(T.UnknownDoctor, StatusCodes.Status404NotFound);
        Doctor = DoctorDto.From(doctor, directory.Fees);
        Department = DepartmentDto.From(department);
        Now = clock.Now;
        var today = HospitalTime.Today(Now);
        var poolIds = Enumerable.Range(0, calendar.DaysShown)
            .SelectMany(offset => directory.PoolsOn(today.AddDays(offset), doctor.DepartmentId))
            .Where(pool => pool.DoctorId == id)
            .Select(pool => pool.ToString());
        var pools = await Task.WhenAll(poolIds.Select(poolId => grains.Pool(poolId).GetAsync()));
        Sessions = pools.OfType<PoolView>().Where(p => p.SessionEnd > Now).ToList();
        return Page();
    }
}
