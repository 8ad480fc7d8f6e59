using System.Globalization;
using System.Security.Claims;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>Operations move the online share of many pools at once, and set the share new pools open with.</summary>
public static class RatioApi
{
    public static IEndpointRouteBuilder MapRatioApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Online ratio").RequireAuthorization(Policies.Operations);
        api.MapPut("/online-ratio", ChangeMany).WithName("ChangeRatioInBulk");
        api.MapPut("/ratio-policy", SetPolicy).WithName("SetRatioPolicy");
        return routes;
    }

    public static async Task<IResult> ChangeMany(BulkRatioRequest request, ClaimsPrincipal user, IGrainFactory grains, HospitalClock clock, BookingCalendar calendar)
    {
        var check = new RatioRequest(request.OnlinePercent, request.Reason).Validate()
            .Require(request.Scope is "hospital" or "department", "scope", "Required: 'hospital' or 'department'.")
            .Require(request.Scope != "department" || !string.IsNullOrEmpty(request.DepartmentId), "departmentId", "Required when scope is 'department'.")
            .Require(TryDate(request.From, out var from), "from", "Required as YYYY-MM-DD.")
            .Require(TryDate(request.To, out var to), "to", "Required as YYYY-MM-DD.");
        if (!check.IsValid) return check.ToProblem();
        if (to < from || !calendar.IsVisible(from, clock.Now) || !calendar.IsVisible(to, clock.Now))
            return Problems.BadRequest($"The range {request.From}..{request.To} must be ordered and within the schedule's {calendar.DaysShown} days.");
        var directory = grains.GetGrain<IHospitalDirectoryGrain>(0);
        var departmentId = request.Scope == "department" ? request.DepartmentId : null;
        if (departmentId is not null && (await directory.GetAsync()).FindDepartment(departmentId) is null)
            return Problems.NotFound("No such department", $"Department '{departmentId}' does not exist.");

        var command = new ChangeRatio(request.OnlinePercent!.Value, user.Name(), request.Reason!.Trim());
        var results = new List<PoolRatioOutcome>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var poolIds = await directory.PoolsOnAsync(day, departmentId);
            var changed = await Task.WhenAll(poolIds.Select(async id => (Id: id, Result: await grains.Pool(id).ChangeRatioAsync(command))));
            results.AddRange(changed.Select(c => new PoolRatioOutcome(
                c.Id, c.Result.Outcome == PoolOutcome.Ok ? "changed" : Reason(c.Result.Outcome),
                c.Result.Pool?.OnlineQuota, c.Result.Pool?.WindowQuota, c.Result.Pool?.OnlineClosed, c.Result.Detail)));
        }
        return TypedResults.Ok(new BulkRatioResult(results.Count(r => r.Outcome == "changed"), results));
    }

    public static async Task<IResult> SetPolicy(RatioPolicyRequest request, IGrainFactory grains)
    {
        var check = new Validation()
            .Require(request.Scope is "hospital" or "department" or "doctor", "scope", "Required: 'hospital', 'department' or 'doctor'.")
            .Require(request.Scope == "hospital" || !string.IsNullOrEmpty(request.Id), "id", "Required for a department or doctor.")
            .Require(request.OnlinePercent is null or (>= 0 and <= 100), "onlinePercent", "A whole number from 0 to 100, or null to remove an override.")
            .Require(request.Scope != "hospital" || request.OnlinePercent is not null, "onlinePercent", "The hospital default needs a percent.");
        if (!check.IsValid) return check.ToProblem();
        var result = await grains.GetGrain<IHospitalDirectoryGrain>(0).SetRatioPolicyAsync(request.Scope!, request.Id, request.OnlinePercent);
        return result.Ok ? TypedResults.NoContent() : Problems.BadRequest(result.Error!);
    }

    private static string Reason(PoolOutcome outcome) => outcome switch
    {
        PoolOutcome.Closed => "closed",
        PoolOutcome.Unavailable => "unavailable",
        PoolOutcome.UnknownPool => "not-found",
        _ => "invalid",
    };

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

public sealed record BulkRatioRequest(string? Scope, string? DepartmentId, string? From, string? To, int? OnlinePercent, string? Reason);

public sealed record PoolRatioOutcome(string PoolId, string Outcome, int? OnlineQuota, int? WindowQuota, bool? OnlineClosed, string? Detail);

public sealed record BulkRatioResult(int Changed, IReadOnlyList<PoolRatioOutcome> Pools);

public sealed record RatioPolicyRequest(string? Scope, string? Id, int? OnlinePercent);
