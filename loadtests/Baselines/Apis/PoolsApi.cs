using System.Security.Claims;
using HospitalOrleans.Baselines.Auth;
using HospitalOrleans.Baselines.Engines;
using HospitalOrleans.Baselines.Http;

namespace HospitalOrleans.Baselines.Apis;

/// <summary>One pool: read it, book online, draw at the window, move its online share, list its bookings.</summary>
public static class PoolsApi
{
    public static IEndpointRouteBuilder MapPoolsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/pools/{poolId}").WithTags("Pools");
        api.MapGet("", GetPool).WithName("GetPool");
        api.MapPost("/online-bookings", BookOnline).WithName("BookOnline").RequireAuthorization(Policies.Patient);
        api.MapPost("/window-draws", DrawWindow).WithName("DrawWindow").RequireAuthorization(Policies.Clerk);
        api.MapPut("/online-ratio", ChangeRatio).WithName("ChangePoolRatio").RequireAuthorization(Policies.Operations);
        api.MapGet("/bookings", GetBookings).WithName("GetPoolBookings").RequireAuthorization(Policies.ClerkOrOperations);
        return routes;
    }

    public static async Task<IResult> GetPool(string poolId, RushDay day, IBookingEngine engine, TimeProvider time)
    {
        if (day.Find(poolId) is not { } pool) return UnknownPool(poolId);
        var counts = await engine.GetPoolAsync(poolId);
        return counts is null ? UnknownPool(poolId) : TypedResults.Ok(PoolDto.From(pool, counts, time.GetUtcNow()));
    }

    public static async Task<IResult> BookOnline(string poolId, BookOnlineRequest request, ClaimsPrincipal user, RushDay day, IBookingEngine engine, TimeProvider time)
    {
        if (day.Find(poolId) is not { } pool) return UnknownPool(poolId);
        if (Validate(request.PatientId, request.RequestId) is { IsValid: false } check) return check.ToProblem();
        if (user.PatientId() != request.PatientId)
            return Problems.Problem(StatusCodes.Status403Forbidden, "not-owner", "Not your patient", "You can book only for yourself.");
        var now = time.GetUtcNow();
        if (now >= pool.OnlineCutoff)
            return Problems.Conflict("closed", "Closed", $"Online booking closed at {PoolDto.Local(pool.OnlineCutoff):yyyy-MM-dd HH:mm}.");
        return Created(await engine.BookAsync(new BookingRequest(pool, Channel.Online, request.PatientId!, request.RequestId!, now)), pool);
    }

    public static async Task<IResult> DrawWindow(string poolId, DrawWindowRequest request, RushDay day, IBookingEngine engine, TimeProvider time)
    {
        if (day.Find(poolId) is not { } pool) return UnknownPool(poolId);
        if (Validate(request.PatientId, request.RequestId) is { IsValid: false } check) return check.ToProblem();
        var now = time.GetUtcNow();
        if (now >= pool.SessionEnd)
            return Problems.Conflict("closed", "Closed", $"The session ended at {PoolDto.Local(pool.SessionEnd):yyyy-MM-dd HH:mm}.");
        return Created(await engine.BookAsync(new BookingRequest(pool, Channel.Window, request.PatientId!, request.RequestId!, now)), pool);
    }

    public static async Task<IResult> ChangeRatio(string poolId, RatioRequest request, ClaimsPrincipal user, RushDay day, IBookingEngine engine, TimeProvider time)
    {
        if (day.Find(poolId) is not { } pool) return UnknownPool(poolId);
        var check = new Validation()
            .Require(request.OnlinePercent is >= 0 and <= 100, "onlinePercent", "Required: a whole number from 0 to 100.")
            .Require(!string.IsNullOrWhiteSpace(request.Reason) && request.Reason.Length <= 200, "reason", "Required: why the share changes, at most 200 characters.");
        if (!check.IsValid) return check.ToProblem();
        var now = time.GetUtcNow();
        if (now >= pool.OnlineCutoff)
            return Problems.Conflict("closed", "Closed", $"Online booking closed at {PoolDto.Local(pool.OnlineCutoff):yyyy-MM-dd HH:mm}; every remaining number is the window's.");
        var counts = await engine.ChangeRatioAsync(pool, request.OnlinePercent!.Value, user.Name(), request.Reason!.Trim());
        return counts is null ? UnknownPool(poolId) : TypedResults.Ok(PoolDto.From(pool, counts, now));
    }

    public static async Task<IResult> GetBookings(string poolId, RushDay day, IBookingEngine engine)
    {
        if (day.Find(poolId) is not { } pool) return UnknownPool(poolId);
        var bookings = await engine.GetBookingsAsync(poolId);
        return bookings is null ? UnknownPool(poolId) : TypedResults.Ok(bookings.Select(b => BookingDto.From(b, pool)).ToList());
    }

    private static IResult Created(BookingResult result, RushPool pool) => result switch
    {
        { Outcome: BookingOutcome.Ok, Booking: { } booking } => TypedResults.Created($"/api/bookings/{booking.BookingId}", BookingDto.From(booking, pool)),
        _ => Problems.For(result.Outcome),
    };

    private static Validation Validate(string? patientId, string? requestId) => new Validation()
        .Require(Validation.IsPatientId(patientId), "patientId", "Required: 1–32 letters or digits.")
        .Require(Validation.IsRequestId(requestId), "requestId", "Required: 1–64 letters, digits, '-' or '_'.");

    private static IResult UnknownPool(string poolId) =>
        Problems.NotFound("No such pool", $"No clinic '{poolId}' in the schedule.");
}
