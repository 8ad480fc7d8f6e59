using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.WebFront.Apis;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>Home: the departments and where they are.</summary>
public sealed class IndexModel(IGrainFactory grains, BookingCalendar calendar) : HospitalPageModel
{
    public BookingCalendar Calendar => calendar;

    public IReadOnlyList<DepartmentDto> Departments { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        Departments = directory.Departments.Select(DepartmentDto.From).ToList();
    }
}
