using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.Patients;

/// <summary>
/// Routes a patient's bookings to the pools and remembers which bookings are theirs. Only the
/// booking ids are kept here: status, serial and time stay in the pool that owns the number.
/// </summary>
public sealed class PatientGrain(
    [PersistentState("patient", GrainStorage.ProviderName)] IPersistentState<PatientBookings> store) : Grain, IPatientGrain
{
    private string PatientId => PatientKey.PatientIdOf(this.GetPrimaryKeyString());

    public async Task<BookingResult> BookOnlineAsync(string poolId, string requestId, TimeOnly? periodStart)
    {
        var result = await GrainFactory.GetGrain<INumberPoolGrain>(poolId)
            .BookOnlineAsync(new BookOnline(PatientId, requestId, periodStart));
        await RememberAsync(result);
        return result;
    }

    public async Task<BookingResult> DrawWindowAsync(string poolId, string requestId, string clerkId)
    {
        var result = await GrainFactory.GetGrain<INumberPoolGrain>(poolId)
            .DrawWindowAsync(new DrawWindow(PatientId, requestId, clerkId));
        await RememberAsync(result);
        return result;
    }

    public Task<IReadOnlyList<string>> GetBookingIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(Enumerable.Reverse(store.State.BookingIds).ToList());

    public async Task LinkWeChatAsync(string openId)
    {
        if (store.State.WeChatOpenIds.Contains(openId)) return;
        store.State.WeChatOpenIds.Add(openId);
        await store.WriteStateAsync();
    }

    public async Task DeliverNoticeAsync(PatientNotice notice)
    {
        // A patient who never used WeChat has nowhere to be told; the clerk tells them at the window.
        foreach (var openId in store.State.WeChatOpenIds)
            await GrainFactory.WeChatUser(openId).EnqueueAsync(notice);
    }

    private async Task RememberAsync(BookingResult result)
    {
        if (result.Booking is not { } booking || store.State.BookingIds.Contains(booking.BookingId)) return;
        store.State.BookingIds.Add(booking.BookingId);
        await store.WriteStateAsync();
    }
}
