using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Pages.Patients;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>
/// The self check-in kiosk in the hall: anyone may use it, so it knows nobody. The outpatient
/// number and the booking number must belong together, as for the kiosk API; a wrong pair is
/// told apart from nothing (throttled with sign-in, <see cref="PagesSetup"/>).
/// </summary>
public sealed class KioskModel(IGrainFactory grains) : HospitalPageModel
{
    [BindProperty]
    public string? OutpatientNumber { get; set; }

    [BindProperty]
    public string? BookingNumber { get; set; }

    /// <summary>The booking just checked in, to show where to go.</summary>
    public BookingCard? CheckedIn { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var number = OutpatientNumber?.Trim();
        var bookingId = BookingNumber?.Trim().ToUpperInvariant();
        if (!BookingId.TryParse(bookingId, out var id) || !OutpatientNumberFormat.IsWellFormed(number))
            return Fail(T.KioskInputRequired, StatusCodes.Status400BadRequest);
        var pool = grains.Pool(id.Pool.ToString());
        var booking = await pool.GetBookingAsync(bookingId);
        if (booking is null || booking.PatientId != number) return Fail(T.KioskUnknown, StatusCodes.Status404NotFound);
        var result = await pool.CheckInAsync(bookingId, "kiosk");
        if (result.Outcome != PoolOutcome.Ok || result.Booking is not { } checkedIn) return Fail(result.Outcome, PageAction.CheckIn);
        CheckedIn = BookingCard.From(checkedIn, await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync());
        OutpatientNumber = BookingNumber = null;
        return Page();
    }
}
