using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Pages.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Clerk;

/// <summary>
/// One patient as the window sees them: the card (masked), the booking record (no-shows, an
/// active suspension, lifts, who looked at the full data), recent bookings; lift a suspension or
/// look at the full data, each with a reason the patient grain records.
/// </summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class PatientModel(IGrainFactory grains) : HospitalPageModel
{
    private const int ReasonLength = 200;
    private const int BookingsShown = 10;

    public PatientCardView? Card { get; private set; }

    public PatientRecordView? Record { get; private set; }

    public IReadOnlyList<BookingCard> Bookings { get; private set; } = [];

    /// <summary>The full data, in this response only, after an audited request.</summary>
    public PersonalDataView? Revealed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number) =>
        await LoadAsync(number) ? Page() : Fail(T.UnknownPatientCard, StatusCodes.Status404NotFound);

    public async Task<IActionResult> OnPostRevealAsync(string number, string? reason)
    {
        if (!await LoadAsync(number)) return Fail(T.UnknownPatientCard, StatusCodes.Status404NotFound);
        if (!IsReason(reason)) return Fail(T.AuditedReasonRequired, StatusCodes.Status400BadRequest);
        Revealed = await grains.Patient(number).RevealAsync(User.Name(), reason!.Trim());
        if (Revealed is null) return Fail(T.UnknownPatientCard, StatusCodes.Status404NotFound);
        Record = await grains.Patient(number).GetRecordAsync(); // with this look in the audit
        // Shown once: neither the browser nor anything between may keep this response.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(string number, string? reason)
    {
        if (!await LoadAsync(number)) return Fail(T.UnknownPatientCard, StatusCodes.Status404NotFound);
        if (!IsReason(reason)) return Fail(T.AuditedReasonRequired, StatusCodes.Status400BadRequest);
        if (!await grains.Patient(number).LiftSuspensionAsync(User.Name(), reason!.Trim()))
        {
            await LoadAsync(number);
            return Fail(T.NotSuspendedNow, StatusCodes.Status409Conflict);
        }
        Notice = T.Lifted;
        return RedirectToPage(new { number });
    }

    private static bool IsReason(string? reason) => !string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= ReasonLength;

    private async Task<bool> LoadAsync(string number)
    {
        if (!OutpatientNumberFormat.IsWellFormed(number)) return false;
        var patient = grains.Patient(number);
        var card = await patient.GetCardAsync();
        if (!card.Registered) return false;
        Card = card;
        var directoryTask = grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        var recordTask = patient.GetRecordAsync();
        var bookings = await PatientBookingsReader.ReadAsync(grains, number);
        var directory = await directoryTask;
        Record = await recordTask;
        Bookings = bookings.Take(BookingsShown).Select(b => BookingCard.From(b, directory)).ToList();
        return true;
    }
}
