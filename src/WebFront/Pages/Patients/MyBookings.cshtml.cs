using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Hosting;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>The patient's bookings, newest first; cancel a live one, or (demo only) pay a held one.</summary>
[Authorize(Policy = Policies.Patient)]
public sealed class MyBookingsModel(IGrainFactory grains, IConfiguration configuration) : HospitalPageModel
{
    public IReadOnlyList<BookingCard> Bookings { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCancelAsync(string? bookingId)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return await FailAsync(PoolOutcome.UnknownBooking, PageAction.Cancel);
        var result = await grains.GetGrain<INumberPoolGrain>(id.Pool.ToString())
            .CancelAsync(new CancelBooking(bookingId, User.PatientId()!, ActorIsStaff: false));
        if (result.Outcome != PoolOutcome.Ok) return await FailAsync(result.Outcome, PageAction.Cancel);
        Notice = T.Cancelled;
        return RedirectToPage();
    }

    /// <summary>Stand-in for WeChat Pay until the payment issue lands: demo mode only, labelled as such.</summary>
    public async Task<IActionResult> OnPostPayAsync(string? bookingId)
    {
        if (!HospitalOptions.DemoEnabled(configuration)) return NotFound();
        if (!BookingId.TryParse(bookingId, out var id)) return await FailAsync(PoolOutcome.UnknownBooking, PageAction.Pay);
        var pool = grains.GetGrain<INumberPoolGrain>(id.Pool.ToString());
        var booking = await pool.GetBookingAsync(bookingId);
        if (booking is null || booking.PatientId != User.PatientId()) return await FailAsync(PoolOutcome.UnknownBooking, PageAction.Pay);
        var result = await pool.ConfirmPaymentAsync(bookingId);
        if (result.Outcome != PoolOutcome.Ok) return await FailAsync(result.Outcome, PageAction.Pay);
        Notice = T.DemoPaid;
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(PoolOutcome outcome, PageAction action)
    {
        await LoadAsync();
        return Fail(outcome, action);
    }

    private async Task LoadAsync()
    {
        var directoryTask = grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        var bookings = await PatientBookingsReader.ReadAsync(grains, User.PatientId()!);
        var directory = await directoryTask;
        Bookings = bookings.Select(b => BookingCard.From(b, directory)).ToList();
    }
}
