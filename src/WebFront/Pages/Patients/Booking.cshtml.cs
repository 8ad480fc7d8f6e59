using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>One of the patient's bookings; right after booking, the result with the serial number and the fee to pay.</summary>
[Authorize(Policy = Policies.Patient)]
public sealed class BookingModel(IGrainFactory grains, HospitalClock clock) : HospitalPageModel
{
    public BookingCard? Card { get; private set; }

    public async Task<IActionResult> OnGetAsync(string bookingId)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return Fail(T.UnknownBooking, StatusCodes.Status404NotFound);
        var directoryTask = grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        var booking = await grains.Pool(id.Pool.ToString()).GetBookingAsync(bookingId);
        // A patient must not learn whether someone else's booking exists; their family's are theirs to see.
        if (booking is null || !await User.CanActForAsync(booking.PatientId, grains)) return Fail(T.UnknownBooking, StatusCodes.Status404NotFound);
        Card = await BookingBill.AttachAsync(grains, BookingCard.From(booking, await directoryTask), clock.Now);
        return Page();
    }
}
