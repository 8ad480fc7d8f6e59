using System.Globalization;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>Public read side: departments, doctors and the day's pools with what remains.</summary>
public static class ScheduleApi
{
    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Schedule");
        api.MapGet("/schedule", GetSchedule).WithName("GetSchedule");
        api.MapGet("/departments", GetDepartments).WithName("GetDepartments");
        api.MapGet("/doctors", GetDoctors).WithName("GetDoctors");
        return routes;
    }

    public static async Task<IResult> GetSchedule(string? date, string? departmentId, IGrainFactory grains, HospitalClock clock, BookingCalendar calendar)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problems.BadRequest("Query parameter 'date' is required as YYYY-MM-DD.");
        if (!calendar.IsVisible(day, clock.Now))
            return Problems.BadRequest($"Date {date} is out of range: the schedule covers {calendar.PastDaysVisible} days back to {calendar.DaysShown - 1} days ahead.");
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        if (departmentId is not null && directory.FindDepartment(departmentId) is null)
            return Problems.NotFound("No such department", $"Department '{departmentId}' does not exist.");
        return TypedResults.Ok(await ScheduleReader.ReadAsync(grains, directory, day, departmentId));
    }

    public static async Task<IResult> GetDepartments(IGrainFactory grains)
    {
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        return TypedResults.Ok(directory.Departments.Select(d => new DepartmentDto(d.Id, d.Name, d.NameEn, d.Building, d.Floor, d.Room)));
    }

    public static async Task<IResult> GetDoctors(string? departmentId, IGrainFactory grains)
    {
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        return TypedResults.Ok(directory.Doctors
            .Where(d => departmentId is null || d.DepartmentId == departmentId)
            .Select(d => DoctorDto.From(d, directory.Fees)));
    }
}

public sealed record DepartmentDto(string Id, string Name, string NameEn, string Building, string Floor, string Room)
{
    public static DepartmentDto From(Department d) => new(d.Id, d.Name, d.NameEn, d.Building, d.Floor, d.Room);
}

public sealed record DoctorDto(string Id, string Name, string NameEn, string DepartmentId, string Title, string TitleEn, string Specialty, bool Famous, long FeeFen)
{
    public static DoctorDto From(Doctor d, FeeSchedule fees) =>
        new(d.Id, d.Name, d.NameEn, d.DepartmentId, DoctorTitles.Chinese(d.Title), DoctorTitles.English(d.Title), d.Specialty, d.Famous, fees.FeeFor(d));
}

/// <summary>One pool in the day's schedule.</summary>
public sealed record ScheduleEntry(
    string PoolId,
    DoctorDto Doctor,
    DepartmentDto Department,
    DateOnly Date,
    string Session,
    long Fee,
    int Total,
    int OnlinePercent,
    int OnlineQuota,
    int WindowQuota,
    int OnlineRemaining,
    int WindowRemaining,
    bool OnlineClosed,
    DateTimeOffset ReleaseAt,
    DateTimeOffset OnlineCutoff);

public static class ScheduleReader
{
    /// <summary>Asks every pool of the day at once; each answers from its own activation.</summary>
    public static async Task<IReadOnlyList<ScheduleEntry>> ReadAsync(IGrainFactory grains, HospitalDirectory directory, DateOnly day, string? departmentId)
    {
        var poolIds = await grains.GetGrain<IHospitalDirectoryGrain>(0).PoolsOnAsync(day, departmentId);
        var pools = await Task.WhenAll(poolIds.Select(id => grains.Pool(id).GetAsync()));
        return pools
            .OfType<PoolView>()
            .Select(p => Entry(p, directory))
            .OfType<ScheduleEntry>()
            .ToList();
    }

    private static ScheduleEntry? Entry(PoolView pool, HospitalDirectory directory)
    {
        var doctor = directory.FindDoctor(pool.DoctorId);
        var department = directory.FindDepartment(pool.DepartmentId);
        if (doctor is null || department is null) return null;
        return new ScheduleEntry(
            pool.PoolId, DoctorDto.From(doctor, directory.Fees), DepartmentDto.From(department), pool.Date, pool.Session,
            pool.FeeFen, pool.Total, pool.OnlinePercent, pool.OnlineQuota, pool.WindowQuota,
            pool.OnlineRemaining, pool.WindowRemaining, pool.OnlineClosed, pool.ReleaseAt, pool.OnlineCutoff);
    }
}
