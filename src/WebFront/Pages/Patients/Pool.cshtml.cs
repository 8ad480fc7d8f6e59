using System.Globalization;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// One clinic's periods with the online numbers left, and a book button per period. Every render
/// carries a fresh request id, so a double tap on "book" books once.
/// </summary>
public sealed class PoolModel(IGrainFactory grains, HospitalClock clock) : HospitalPageModel
{
    public PoolView? Pool { get; private set; }

    public DoctorDto? Doctor { get; private set; }

    public DepartmentDto? Department { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string RequestId { get; } = Guid.NewGuid().ToString("N");

    public bool Released => Pool is { } pool && Now >= pool.ReleaseAt;

    public bool Closed => Pool is { } pool && (pool.OnlineClosed || Now >= pool.OnlineCutoff);

    public bool CanBook => User.IsInRole(Roles.Patient) && User.PatientId() is not null;

    /// <summary>Signed in through WeChat but no card bound yet: binding comes before booking.</summary>
    public bool NeedsCard => User.IsInRole(Roles.Patient) && User.PatientId() is null;

    /// <summary>The card the booking is for (the session's current patient), masked.</summary>
    public PatientCardView? Patient { get; private set; }

    public string ReturnHere => $"/me/patients?returnUrl={Uri.EscapeDataString(Request.Path)}";

    public async Task<IActionResult> OnGetAsync(string poolId) =>
        await LoadAsync(poolId) ? Page() : Fail(T.UnknownPool, StatusCodes.Status404NotFound);

    public async Task<IActionResult> OnPostAsync(string poolId, string? requestId, string? periodStart)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!await LoadAsync(poolId)) return Fail(T.UnknownPool, StatusCodes.Status404NotFound);
        if (User.PatientId() is not { } patientId)
            return Fail(User.IsInRole(Roles.Patient) ? T.BindCardFirst : T.PatientOnly, StatusCodes.Status403Forbidden);
        if (!Identifiers.IsRequestId(requestId)) return Fail(T.RequestIdReused, StatusCodes.Status400BadRequest);
        if (!TimeOnly.TryParseExact(periodStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return Fail(T.UnknownPeriod, StatusCodes.Status400BadRequest);

        var result = await grains.Patient(patientId).BookOnlineAsync(poolId, requestId!, start);
        if (result.Outcome != PoolOutcome.Ok || result.Booking is not { } booking)
        {
            await LoadAsync(poolId); // show what is left now
            return Fail(result, PageAction.Book, Pool?.ReleaseAt);
        }
        Notice = T.BookedTitle;
        return Redirect($"/bookings/{booking.BookingId}");
    }

    private async Task<bool> LoadAsync(string poolId)
    {
        if (!PoolId.TryParse(poolId, out _)) return false;
        var poolTask = grains.Pool(poolId).GetAsync();
        var patientTask = CurrentCardAsync();
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        Pool = await poolTask;
        Patient = await patientTask;
        Now = clock.Now;
        if (Pool is null) return false;
        Doctor = directory.FindDoctor(Pool.DoctorId) is { } doctor ? DoctorDto.From(doctor, directory.Fees) : null;
        Department = directory.FindDepartment(Pool.DepartmentId) is { } department ? DepartmentDto.From(department) : null;
        return Doctor is not null && Department is not null;
    }

    private async Task<PatientCardView?> CurrentCardAsync() =>
        User.PatientId() is { } patientId ? await grains.Patient(patientId).GetCardAsync() : null;
}
