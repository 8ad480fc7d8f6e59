using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Pages.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Clerk;

/// <summary>The ticket handed over the counter: print-friendly, the serial large.</summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class TicketModel(IGrainFactory grains) : HospitalPageModel
{
    public BookingCard? Card { get; private set; }

    public async Task<IActionResult> OnGetAsync(string bookingId)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return Fail(T.UnknownBooking, StatusCodes.Status404NotFound);
        var directoryTask = grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        var booking = await grains.Pool(id.Pool.ToString()).GetBookingAsync(bookingId);
        if (booking is null) return Fail(T.UnknownBooking, StatusCodes.Status404NotFound);
        Card = BookingCard.From(booking, await directoryTask);
        return Page();
    }
}
