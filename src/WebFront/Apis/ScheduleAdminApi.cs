using System.Globalization;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>Operations change the clinics: a doctor's weekly pattern, or one date's extra or cancelled clinic.</summary>
public static class ScheduleAdminApi
{
    public static IEndpointRouteBuilder MapScheduleAdminApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Schedule administration").RequireAuthorization(Policies.Operations);
        api.MapPut("/doctors/{doctorId}/weekly-clinics", SetWeekly).WithName("SetWeeklyClinics");
        api.MapPost("/clinic-overrides", AddOverride).WithName("AddClinicOverride");
        return routes;
    }

    public static async Task<IResult> SetWeekly(string doctorId, IReadOnlyList<WeeklyClinicRequest> clinics, IGrainFactory grains)
    {
        if (!PoolId.IsValidDoctorId(doctorId)) return Problems.NotFound("No such doctor", $"Doctor '{doctorId}' does not exist.");
        var check = new Validation();
        var parsed = new List<WeeklyClinic>();
        for (var i = 0; i < clinics.Count; i++)
        {
            var c = clinics[i];
            var okDay = Enum.TryParse<DayOfWeek>(c.DayOfWeek, ignoreCase: true, out var day) && !int.TryParse(c.DayOfWeek, out _);
            var okSession = SessionHours.TryParseCode(c.Session ?? "", out var session);
            check.Require(okDay, $"[{i}].dayOfWeek", "Required: Monday … Sunday.")
                 .Require(okSession, $"[{i}].session", "Required: AM or PM.")
                 .Require(c.Capacity is >= 1 and <= ClinicRules.MaxCapacity, $"[{i}].capacity", $"Required: 1–{ClinicRules.MaxCapacity}.");
            parsed.Add(new WeeklyClinic { DoctorId = doctorId, DayOfWeek = day, Session = session, Capacity = c.Capacity ?? 0, PeriodMinutes = c.PeriodMinutes ?? 30 });
        }
        if (!check.IsValid) return check.ToProblem();
        var result = await grains.GetGrain<IHospitalDirectoryGrain>(0).SetWeeklyClinicsAsync(doctorId, parsed);
        return result.Ok ? TypedResults.NoContent() : Problems.BadRequest(result.Error!);
    }

    public static async Task<IResult> AddOverride(ClinicOverrideRequest request, IGrainFactory grains)
    {
        var okDate = DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        var okSession = SessionHours.TryParseCode(request.Session ?? "", out var session);
        var check = new Validation()
            .Require(PoolId.IsValidDoctorId(request.DoctorId), "doctorId", "Required: a doctor id such as D001.")
            .Require(okDate, "date", "Required as YYYY-MM-DD.")
            .Require(okSession, "session", "Required: AM or PM.")
            .Require(request.Cancelled == true || request.Capacity is >= 1 and <= ClinicRules.MaxCapacity, "capacity", $"Required for an extra clinic: 1–{ClinicRules.MaxCapacity}.");
        if (!check.IsValid) return check.ToProblem();
        var change = new ClinicOverride
        {
            DoctorId = request.DoctorId!, Date = date, Session = session, Cancelled = request.Cancelled == true,
            Capacity = request.Capacity ?? 0, PeriodMinutes = request.PeriodMinutes ?? 30,
        };
        var result = await grains.GetGrain<IHospitalDirectoryGrain>(0).AddOverrideAsync(change);
        return result.Ok ? TypedResults.NoContent() : Problems.BadRequest(result.Error!);
    }
}

public sealed record WeeklyClinicRequest(string? DayOfWeek, string? Session, int? Capacity, int? PeriodMinutes);

public sealed record ClinicOverrideRequest(string? DoctorId, string? Date, string? Session, bool? Cancelled, int? Capacity, int? PeriodMinutes);
