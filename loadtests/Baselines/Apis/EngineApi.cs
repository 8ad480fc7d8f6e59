using HospitalOrleans.Baselines.Engines;

namespace HospitalOrleans.Baselines.Apis;

/// <summary>Which engine serves (for every report), and the HTTP ceiling: a small body from memory.</summary>
public static class EngineApi
{
    private static readonly byte[] CeilingBody = """{"ceiling":true}"""u8.ToArray();

    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/engine", GetEngine).WithTags("Engine").WithName("GetEngine");
        routes.MapGet("/ceiling", () => TypedResults.Bytes(CeilingBody, "application/json")).WithTags("Engine").WithName("Ceiling");
        routes.MapGet("/health/live", () => TypedResults.Ok("live")).ExcludeFromDescription();
        return routes;
    }

    public static IResult GetEngine(IBookingEngine engine, RushDay day) =>
        TypedResults.Ok(new EngineDto(engine.Name, engine.Durable, engine.Store, day.DayR, day.DayS, day.Pools.Count));
}
