using System.Globalization;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Clerk;

/// <summary>The window: a day's clinics with the window numbers left, and a number drawn for a patient.</summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class IndexModel(IGrainFactory grains, HospitalClock clock, BookingCalendar calendar) : HospitalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DepartmentId { get; set; }

    /// <summary>The patient the clerk came to draw for (from the patient page); every draw form starts with them.</summary>
    [BindProperty(SupportsGet = true, Name = "patient")]
    public string? ForPatientId { get; set; }

    /// <summary>That patient's card, masked, so the clerk sees whom they draw for.</summary>
    public PatientCardView? ForPatient { get; private set; }

    public DateOnly Day { get; private set; }

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public IReadOnlyList<DepartmentDto> Departments { get; private set; } = [];

    public IReadOnlyList<ScheduleEntry> Pools { get; private set; } = [];

    /// <summary>The pool and patient id of a draw that failed, so the clerk need not type it again.</summary>
    public (string PoolId, string PatientId)? Retry { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() ? Page() : Fail(T.DateOutOfRange, StatusCodes.Status400BadRequest);

    public async Task<IActionResult> OnPostDrawAsync(string? poolId, string? patientId, string? requestId)
    {
        if (!await LoadAsync()) return Fail(T.DateOutOfRange, StatusCodes.Status400BadRequest);
        patientId = patientId?.Trim();
        Retry = (poolId ?? "", patientId ?? "");
        if (!Identifiers.IsPatientId(patientId)) return Fail(T.PatientIdInvalid, StatusCodes.Status400BadRequest);
        if (!Identifiers.IsRequestId(requestId)) return Fail(T.RequestIdReused, StatusCodes.Status400BadRequest);
        if (!Domain.Pools.PoolId.TryParse(poolId, out _)) return Fail(T.UnknownPool, StatusCodes.Status404NotFound);

        var result = await grains.Patient(patientId!).DrawWindowAsync(poolId, requestId!, User.Name());
        if (result.Outcome != PoolOutcome.Ok || result.Booking is not { } booking)
        {
            var releaseAt = Pools.FirstOrDefault(p => p.PoolId == poolId)?.ReleaseAt;
            await LoadAsync(); // what is left now
            return Fail(result, PageAction.Draw, releaseAt);
        }
        return Redirect($"/clerk/tickets/{booking.BookingId}");
    }

    private async Task<bool> LoadAsync()
    {
        var now = clock.Now;
        var today = HospitalTime.Today(now);
        FirstDay = today.AddDays(-calendar.PastDaysVisible);
        LastDay = today.AddDays(calendar.DaysShown - 1);
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        Departments = directory.Departments.Select(DepartmentDto.From).ToList();
        if (string.IsNullOrEmpty(Date)) Day = today;
        else if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || !calendar.IsVisible(day, now))
        {
            Day = today;
            return false;
        }
        else Day = day;
        if (DepartmentId is not null && directory.FindDepartment(DepartmentId) is null) DepartmentId = null;
        Pools = await ScheduleReader.ReadAsync(grains, directory, Day, string.IsNullOrEmpty(DepartmentId) ? null : DepartmentId);
        var forPatient = ForPatientId?.Trim();
        ForPatientId = Identifiers.IsPatientId(forPatient) ? forPatient : null;
        if (ForPatientId is not null && await grains.Patient(ForPatientId).GetCardAsync() is { Registered: true } card) ForPatient = card;
        return true;
    }
}
