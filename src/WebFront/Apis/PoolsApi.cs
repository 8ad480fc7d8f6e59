using System.Globalization;
using System.Security.Claims;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Apis;

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

    public static async Task<IResult> GetPool(string poolId, IGrainFactory grains)
    {
        if (!PoolId.TryParse(poolId, out _)) return UnknownPool(poolId);
        var pool = await grains.Pool(poolId).GetAsync();
        return pool is null ? UnknownPool(poolId) : TypedResults.Ok(pool);
    }

    public static async Task<IResult> BookOnline(string poolId, BookOnlineRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!PoolId.TryParse(poolId, out _)) return UnknownPool(poolId);
        TimeOnly? periodStart = null;
        var check = new Validation()
            .Require(Identifiers.IsPatientId(request.PatientId), "patientId", "Required: 1–32 letters or digits.")
            .Require(Identifiers.IsRequestId(request.RequestId), "requestId", "Required: 1–64 letters, digits, '-' or '_'.")
            .Require(request.PeriodStart is null || TryParseTime(request.PeriodStart, out periodStart), "periodStart", "Use HH:mm, e.g. 08:30.");
        if (!check.IsValid) return check.ToProblem();
        if (!await user.CanActForAsync(request.PatientId, grains))
            return Problems.Problem(StatusCodes.Status403Forbidden, "not-owner", "Not your patient", "You can book only for yourself or a family member your account manages.");
        // Most attempts of a rush meet a sold-out pool: answer them without writing a fairness reservation.
        if (await grains.Pool(poolId).RefuseAnyOnlineAsync(request.RequestId!) is { } refused) return Created(refused);
        var result = await grains.Patient(request.PatientId!).BookOnlineAsync(poolId, request.RequestId!, periodStart);
        return Created(result);
    }

    public static async Task<IResult> DrawWindow(string poolId, DrawWindowRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!PoolId.TryParse(poolId, out _)) return UnknownPool(poolId);
        var check = new Validation()
            .Require(Identifiers.IsPatientId(request.PatientId), "patientId", "Required: 1–32 letters or digits.")
            .Require(Identifiers.IsRequestId(request.RequestId), "requestId", "Required: 1–64 letters, digits, '-' or '_'.");
        if (!check.IsValid) return check.ToProblem();
        var result = await grains.Patient(request.PatientId!).DrawWindowAsync(poolId, request.RequestId!, user.Name());
        return Created(result);
    }

    public static async Task<IResult> ChangeRatio(string poolId, RatioRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!PoolId.TryParse(poolId, out _)) return UnknownPool(poolId);
        if (request.Validate() is { IsValid: false } check) return check.ToProblem();
        var result = await grains.Pool(poolId).ChangeRatioAsync(new ChangeRatio(request.OnlinePercent!.Value, user.Name(), request.Reason!.Trim()));
        return result.Outcome == PoolOutcome.Ok ? TypedResults.Ok(result.Pool) : Problems.For(result.Outcome, result.Detail);
    }

    public static async Task<IResult> GetBookings(string poolId, IGrainFactory grains)
    {
        if (!PoolId.TryParse(poolId, out _)) return UnknownPool(poolId);
        var pool = grains.Pool(poolId);
        if (await pool.GetAsync() is null) return UnknownPool(poolId);
        return TypedResults.Ok(await pool.GetBookingsAsync());
    }

    public static IResult Created(BookingResult result) => result switch
    {
        { Outcome: PoolOutcome.Ok, Booking: { } booking } => TypedResults.Created($"/api/bookings/{booking.BookingId}", booking),
        { Outcome: PoolOutcome.Suspended, Until: { } until } => Problems.Suspended(result.Detail, until),
        _ => Problems.For(result.Outcome, result.Detail),
    };

    private static IResult UnknownPool(string poolId) =>
        Problems.NotFound("No such pool", $"No clinic '{poolId}' in the schedule.");

    private static bool TryParseTime(string text, out TimeOnly? time)
    {
        var ok = TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        time = ok ? parsed : null;
        return ok;
    }
}

public sealed record BookOnlineRequest(string? PatientId, string? RequestId, string? PeriodStart);

public sealed record DrawWindowRequest(string? PatientId, string? RequestId);

public sealed record RatioRequest(int? OnlinePercent, string? Reason)
{
    public Validation Validate() => new Validation()
        .Require(OnlinePercent is >= 0 and <= 100, "onlinePercent", "Required: a whole number from 0 to 100.")
        .Require(!string.IsNullOrWhiteSpace(Reason) && Reason.Length <= 200, "reason", "Required: why the share changes, at most 200 characters.");
}
