using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Hosting;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// The current patient's bookings, newest first, or a family member's (<c>?patientId=</c>, one the
/// account manages); cancel a live one, or (demo only) pay a held one.
/// </summary>
[Authorize(Policy = Policies.Patient)]
public sealed class MyBookingsModel(IGrainFactory grains, IConfiguration configuration) : HospitalPageModel
{
    /// <summary>Whose bookings to show; the session's current patient when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? PatientId { get; set; }

    public string? Whose { get; private set; }

    public IReadOnlyList<FamilyMember> Family { get; private set; } = [];

    public IReadOnlyList<BookingCard> Bookings { get; private set; } = [];

    /// <summary>Signed in through WeChat with no card bound: nothing to show until one is.</summary>
    public bool NeedsCard => Whose is null;

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() ? Page() : Fail(T.UnknownPatient, StatusCodes.Status404NotFound);

    public async Task<IActionResult> OnPostCancelAsync(string? bookingId)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return await FailAsync(PoolOutcome.UnknownBooking, PageAction.Cancel);
        var pool = grains.GetGrain<INumberPoolGrain>(id.Pool.ToString());
        // A family member's booking is cancelled in their name by the account that manages them.
        var booking = await pool.GetBookingAsync(bookingId!);
        if (booking is null || !await User.CanActForAsync(booking.PatientId, grains))
            return await FailAsync(PoolOutcome.UnknownBooking, PageAction.Cancel);
        var result = await pool.CancelAsync(new CancelBooking(bookingId!, booking.PatientId, ActorIsStaff: false));
        if (result.Outcome != PoolOutcome.Ok) return await FailAsync(result.Outcome, PageAction.Cancel);
        Notice = T.Cancelled;
        return RedirectToPage(new { patientId = Shown(booking.PatientId) });
    }

    /// <summary>Stand-in for WeChat Pay until the payment issue lands: demo mode only, labelled as such.</summary>
    public async Task<IActionResult> OnPostPayAsync(string? bookingId)
    {
        if (!HospitalOptions.DemoEnabled(configuration)) return NotFound();
        if (!BookingId.TryParse(bookingId, out var id)) return await FailAsync(PoolOutcome.UnknownBooking, PageAction.Pay);
        var pool = grains.GetGrain<INumberPoolGrain>(id.Pool.ToString());
        var booking = await pool.GetBookingAsync(bookingId!);
        if (booking is null || !await User.CanActForAsync(booking.PatientId, grains))
            return await FailAsync(PoolOutcome.UnknownBooking, PageAction.Pay);
        var result = await pool.ConfirmPaymentAsync(bookingId!);
        if (result.Outcome != PoolOutcome.Ok) return await FailAsync(result.Outcome, PageAction.Pay);
        Notice = T.DemoPaid;
        return RedirectToPage(new { patientId = Shown(booking.PatientId) });
    }

    /// <summary>The patientId to keep in the address: none for the current patient.</summary>
    private string? Shown(string patientId) => patientId == User.PatientId() ? null : patientId;

    private async Task<IActionResult> FailAsync(PoolOutcome outcome, PageAction action)
    {
        if (!await LoadAsync()) return Fail(T.UnknownPatient, StatusCodes.Status404NotFound);
        return Fail(outcome, action);
    }

    private async Task<bool> LoadAsync()
    {
        Family = await FamilyMember.ReadAsync(grains, User);
        Whose = string.IsNullOrEmpty(PatientId) ? User.PatientId() : PatientId;
        if (Whose is null) return true;
        if (!await User.CanActForAsync(Whose, grains))
        {
            Whose = null;
            return false;
        }
        var directoryTask = grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        var bookings = await PatientBookingsReader.ReadAsync(grains, Whose);
        var directory = await directoryTask;
        Bookings = bookings.Select(b => BookingCard.From(b, directory)).ToList();
        return true;
    }
}
