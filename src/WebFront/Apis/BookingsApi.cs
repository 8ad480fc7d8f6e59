using System.Security.Claims;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Billing;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>A booking after it was made: read, cancel, and the patient's own list.</summary>
public static class BookingsApi
{
    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Bookings");
        api.MapGet("/bookings/{bookingId}", GetBooking).WithName("GetBooking").RequireAuthorization();
        api.MapDelete("/bookings/{bookingId}", CancelBooking).WithName("CancelBooking").RequireAuthorization();
        api.MapGet("/me/bookings", MyBookings).WithName("MyBookings").RequireAuthorization(Policies.Patient);
        return routes;
    }

    public static async Task<IResult> GetBooking(string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return UnknownBooking(bookingId);
        var booking = await grains.Pool(id.Pool.ToString()).GetBookingAsync(bookingId);
        if (booking is null || (!user.IsStaff() && !await user.CanActForAsync(booking.PatientId, grains))) return UnknownBooking(bookingId);
        return TypedResults.Ok(booking);
    }

    /// <summary>
    /// A patient (or the account managing them) or a clerk cancels a booking. A paid online booking
    /// is refunded by the rules (on the phone until the day before the visit; at the window until
    /// three days after it) and its number goes back to the pool.
    /// </summary>
    public static async Task<IResult> CancelBooking(string bookingId, ClaimsPrincipal user, IGrainFactory grains, PaymentCheckout checkout)
    {
        var staff = user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Admin);
        if (!staff && user.PatientId() is null && user.OpenId() is null)
            return Problems.Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "Only the patient or a clerk can cancel a booking.");
        var cancellation = await checkout.CancelBookingAsync(user, bookingId, staff);
        if (!cancellation.Cancelled)
            return cancellation.Reason == "not-found"
                ? UnknownBooking(bookingId)
                : Problems.Problem(ProblemCodes.StatusOf(cancellation.Reason!), cancellation.Reason!, cancellation.Detail, cancellation.DetailEn);
        var booking = BookingId.TryParse(bookingId, out var id) ? await grains.Pool(id.Pool.ToString()).GetBookingAsync(bookingId) : null;
        return TypedResults.Ok(new CancelledBooking(booking, cancellation.RefundFen, cancellation.OutRefundNo, cancellation.Detail, cancellation.DetailEn));
    }

    /// <summary>The current patient's bookings, or a managed family member's with <c>?patientId=</c>.</summary>
    public static async Task<IResult> MyBookings(string? patientId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var whose = patientId ?? user.PatientId();
        if (whose is null) return TypedResults.Ok(Array.Empty<BookingView>());
        if (!await user.CanActForAsync(whose, grains)) return Problems.Problem(StatusCodes.Status403Forbidden, "not-owner", "Not your patient", "Not a patient your account manages.");
        return TypedResults.Ok(await PatientBookingsReader.ReadAsync(grains, whose));
    }

    private static IResult UnknownBooking(string bookingId) =>
        Problems.NotFound("No such booking", $"No booking '{bookingId}' for you.");
}

/// <summary>A cancelled booking and the refund it started (0 when nothing was paid).</summary>
public sealed record CancelledBooking(BookingView? Booking, long RefundFen, string? OutRefundNo, string Detail, string DetailEn);

public static class PatientBookingsReader
{
    public static async Task<IReadOnlyList<BookingView>> ReadAsync(IGrainFactory grains, string patientId)
    {
        var ids = await grains.Patient(patientId).GetBookingIdsAsync();
        var views = await Task.WhenAll(ids.Select(async bookingId =>
            BookingId.TryParse(bookingId, out var id)
                ? await grains.Pool(id.Pool.ToString()).GetBookingAsync(bookingId)
                : null));
        return views.OfType<BookingView>().ToList();
    }
}
