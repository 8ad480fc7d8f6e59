using System.Globalization;
using HospitalOrleans.Baselines.Engines;
using HospitalOrleans.Baselines.Http;

namespace HospitalOrleans.Baselines.Apis;

/// <summary>The day's pools with what remains: the catalogue in memory, the counts from the engine.</summary>
public static class ScheduleApi
{
    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/schedule", GetSchedule).WithTags("Schedule").WithName("GetSchedule");
        return routes;
    }

    public static async Task<IResult> GetSchedule(string? date, string? departmentId, RushDay day, IBookingEngine engine, TimeProvider time)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            return Problems.BadRequest("Query parameter 'date' is required as YYYY-MM-DD.");
        if (departmentId is not null && !day.HasDepartment(departmentId))
            return Problems.NotFound("No such department", $"Department '{departmentId}' does not exist.");
        var pools = day.On(on, departmentId).ToList();
        var counts = (await engine.GetPoolsAsync(pools.Select(p => p.PoolId).ToList())).ToDictionary(c => c.PoolId);
        var now = time.GetUtcNow();
        return TypedResults.Ok(pools
            .Where(p => counts.ContainsKey(p.PoolId))
            .Select(p => ScheduleEntry.From(p, counts[p.PoolId], now))
            .ToList());
    }
}
