using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Clerk;

/// <summary>
/// A clinic's queue by serial, every booking with its status; the clerk may cancel a live one and,
/// on the visit day until the clinic ends, check in a patient who has arrived.
/// </summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class QueueModel(IGrainFactory grains, HospitalClock clock) : HospitalPageModel
{
    public PoolView? Pool { get; private set; }

    public DoctorDto? Doctor { get; private set; }

    public DepartmentDto? Department { get; private set; }

    public IReadOnlyList<BookingView> Bookings { get; private set; } = [];

    /// <summary>Check-in is open on the visit day until the session ends (the pool decides; this only hides a button that could not work).</summary>
    public bool CheckInOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(string poolId) =>
        await LoadAsync(poolId) ? Page() : Fail(T.UnknownPool, StatusCodes.Status404NotFound);

    public async Task<IActionResult> OnPostCancelAsync(string poolId, string? bookingId)
    {
        if (!await LoadAsync(poolId)) return Fail(T.UnknownPool, StatusCodes.Status404NotFound);
        if (!BookingId.TryParse(bookingId, out var id) || id.Pool.ToString() != poolId)
            return Fail(PoolOutcome.UnknownBooking, PageAction.Cancel);
        var result = await grains.Pool(poolId).CancelAsync(new CancelBooking(bookingId, User.Name(), ActorIsStaff: true));
        if (result.Outcome != PoolOutcome.Ok)
        {
            await LoadAsync(poolId);
            return Fail(result.Outcome, PageAction.Cancel);
        }
        Notice = T.ClerkCancelled(id.Serial);
        return RedirectToPage(new { poolId });
    }

    public async Task<IActionResult> OnPostCheckInAsync(string poolId, string? bookingId)
    {
        if (!await LoadAsync(poolId)) return Fail(T.UnknownPool, StatusCodes.Status404NotFound);
        if (!BookingId.TryParse(bookingId, out var id) || id.Pool.ToString() != poolId)
            return Fail(PoolOutcome.UnknownBooking, PageAction.CheckIn);
        var result = await grains.Pool(poolId).CheckInAsync(bookingId!, User.Name());
        if (result.Outcome != PoolOutcome.Ok)
        {
            await LoadAsync(poolId);
            return Fail(result.Outcome, PageAction.CheckIn);
        }
        Notice = T.ClerkCheckedIn(id.Serial);
        return RedirectToPage(new { poolId });
    }

    private async Task<bool> LoadAsync(string poolId)
    {
        if (!PoolId.TryParse(poolId, out _)) return false;
        var pool = grains.Pool(poolId);
        var directoryTask = grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        Pool = await pool.GetAsync();
        if (Pool is null) return false;
        var now = clock.Now;
        CheckInOpen = HospitalTime.Today(now) == Pool.Date && now < Pool.SessionEnd;
        Bookings = (await pool.GetBookingsAsync()).OrderBy(b => b.Serial).ToList();
        var directory = await directoryTask;
        Doctor = directory.FindDoctor(Pool.DoctorId) is { } doctor ? DoctorDto.From(doctor, directory.Fees) : null;
        Department = directory.FindDepartment(Pool.DepartmentId) is { } department ? DepartmentDto.From(department) : null;
        return true;
    }
}
