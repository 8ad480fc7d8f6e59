using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Billing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// The current patient's bookings, newest first, or a family member's (<c>?patientId=</c>, one the
/// account manages); pay a held one with WeChat Pay, cancel a live one (a paid one as the refund rules allow).
/// </summary>
[Authorize(Policy = Policies.Patient)]
public sealed class MyBookingsModel(IGrainFactory grains, PaymentCheckout payments, HospitalClock clock) : HospitalPageModel
{
    /// <summary>Whose bookings to show; the session's current patient when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? PatientId { get; set; }

    public PatientChoice Choice { get; private set; } = new([], null);

    public IReadOnlyList<BookingCard> Bookings { get; private set; } = [];

    /// <summary>Signed in through WeChat with no card bound: nothing to show until one is.</summary>
    public bool NeedsCard => Choice.Whose is null;

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() ? Page() : Fail(T.UnknownPatient, StatusCodes.Status404NotFound);

    /// <summary>Opens (or reuses) the WeChat Pay order of the booking's registration fee, then shows the checkout.</summary>
    public async Task<IActionResult> OnPostPayAsync(string? bookingId)
    {
        var checkout = await payments.ForBookingAsync(User, bookingId);
        if (checkout.Invoice is { } invoice) return Redirect(CheckoutModel.PathOf(invoice.InvoiceId));
        if (checkout.Reason == "not-found") return await FailAsync(T.UnknownBooking, StatusCodes.Status404NotFound);
        return await FailAsync(T.Worded(checkout.Detail, checkout.DetailEn), Outcomes.StatusCode(checkout.Reason ?? "refused"));
    }

    /// <summary>Cancels through the registration bill: the number goes back, and a paid fee as the refund rules allow.</summary>
    public async Task<IActionResult> OnPostCancelAsync(string? bookingId)
    {
        var result = await payments.CancelBookingAsync(User, bookingId);
        if (result.Reason == "not-found") return await FailAsync(T.UnknownBooking, StatusCodes.Status404NotFound);
        if (!result.Cancelled) return await FailAsync(T.Worded(result.Detail, result.DetailEn), Outcomes.StatusCode(result.Reason!));
        Notice = T.Worded(result.Detail, result.DetailEn);
        return RedirectToPage(new { patientId = PatientId == User.PatientId() ? null : PatientId });
    }

    private async Task<IActionResult> FailAsync(string message, int statusCode)
    {
        if (!await LoadAsync()) return Fail(T.UnknownPatient, StatusCodes.Status404NotFound);
        return Fail(message, statusCode);
    }

    private async Task<bool> LoadAsync()
    {
        if (await PatientChoice.ReadAsync(grains, User, PatientId) is not { } choice) return false;
        Choice = choice;
        if (choice.Whose is null) return true;
        var directoryTask = grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        var bookings = await PatientBookingsReader.ReadAsync(grains, choice.Whose);
        var directory = await directoryTask;
        var now = clock.Now;
        Bookings = await Task.WhenAll(bookings.Select(b => BookingBill.AttachAsync(grains, BookingCard.From(b, directory), now)));
        return true;
    }
}
