using System.Security.Claims;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>A booking after it was made: read, cancel, and the patient's own list.</summary>
public static class BookingsApi
{
    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder routes, bool demo)
    {
        var api = routes.MapGroup("/api").WithTags("Bookings");
        api.MapGet("/bookings/{bookingId}", GetBooking).WithName("GetBooking").RequireAuthorization();
        api.MapDelete("/bookings/{bookingId}", CancelBooking).WithName("CancelBooking").RequireAuthorization();
        api.MapGet("/me/bookings", MyBookings).WithName("MyBookings").RequireAuthorization(Policies.Patient);
        if (demo)
        {
            // Stand-in for WeChat Pay until the payment issue lands: demo mode only, labelled as such on the page.
            api.MapPost("/bookings/{bookingId}/demo-payment", PayInDemo).WithName("PayInDemo").RequireAuthorization(Policies.Patient);
        }
        return routes;
    }

    public static async Task<IResult> GetBooking(string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return UnknownBooking(bookingId);
        var booking = await grains.GetGrain<INumberPoolGrain>(id.Pool.ToString()).GetBookingAsync(bookingId);
        if (booking is null || (!user.IsStaff() && !await user.CanActForAsync(booking.PatientId, grains))) return UnknownBooking(bookingId);
        return TypedResults.Ok(booking);
    }

    public static async Task<IResult> CancelBooking(string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return UnknownBooking(bookingId);
        var isStaff = user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Admin);
        var pool = grains.GetGrain<INumberPoolGrain>(id.Pool.ToString());
        var actor = isStaff ? user.Name() : user.PatientId();
        if (!isStaff && await pool.GetBookingAsync(bookingId) is { } booking && await user.CanActForAsync(booking.PatientId, grains))
            actor = booking.PatientId; // a family member's booking, cancelled by the account that manages them
        if (actor is null) return Problems.Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "Only the patient or a clerk can cancel a booking.");
        var result = await pool.CancelAsync(new CancelBooking(bookingId, actor, isStaff));
        // A patient must not learn whether someone else's booking exists.
        if (result.Outcome == PoolOutcome.NotOwner) return UnknownBooking(bookingId);
        return result.Outcome == PoolOutcome.Ok ? TypedResults.Ok(result.Booking) : Problems.For(result.Outcome, result.Detail);
    }

    /// <summary>The current patient's bookings, or a managed family member's with <c>?patientId=</c>.</summary>
    public static async Task<IResult> MyBookings(string? patientId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var whose = patientId ?? user.PatientId();
        if (whose is null) return TypedResults.Ok(Array.Empty<BookingView>());
        if (!await user.CanActForAsync(whose, grains)) return Problems.Problem(StatusCodes.Status403Forbidden, "not-owner", "Not your patient", "Not a patient your account manages.");
        return TypedResults.Ok(await PatientBookingsReader.ReadAsync(grains, whose));
    }

    public static async Task<IResult> PayInDemo(string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return UnknownBooking(bookingId);
        var pool = grains.GetGrain<INumberPoolGrain>(id.Pool.ToString());
        var booking = await pool.GetBookingAsync(bookingId);
        if (booking is null || !await user.CanActForAsync(booking.PatientId, grains)) return UnknownBooking(bookingId);
        var result = await pool.ConfirmPaymentAsync(bookingId);
        return result.Outcome == PoolOutcome.Ok ? TypedResults.Ok(result.Booking) : Problems.For(result.Outcome, result.Detail);
    }

    private static IResult UnknownBooking(string bookingId) =>
        Problems.NotFound("No such booking", $"No booking '{bookingId}' for you.");
}

public static class PatientBookingsReader
{
    public static async Task<IReadOnlyList<BookingView>> ReadAsync(IGrainFactory grains, string patientId)
    {
        var ids = await grains.Patient(patientId).GetBookingIdsAsync();
        var views = await Task.WhenAll(ids.Select(async bookingId =>
            BookingId.TryParse(bookingId, out var id)
                ? await grains.GetGrain<INumberPoolGrain>(id.Pool.ToString()).GetBookingAsync(bookingId)
                : null));
        return views.OfType<BookingView>().ToList();
    }
}
