using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Pools;

namespace HospitalOrleans.GrainInterfaces.Patients;

/// <summary>A patient's side of booking: every number they took, in any pool, through any channel.</summary>
[Alias("hospital.patient")]
public interface IPatientGrain : IGrainWithStringKey
{
    [Alias("book-online")] Task<BookingResult> BookOnlineAsync(string poolId, string requestId, TimeOnly? periodStart);

    [Alias("draw-window")] Task<BookingResult> DrawWindowAsync(string poolId, string requestId, string clerkId);

    /// <summary>Booking ids, newest first.</summary>
    [Alias("booking-ids")] Task<IReadOnlyList<string>> GetBookingIdsAsync();

    /// <summary>Remembers a WeChat account (OpenID) that signs in as this patient; notices go there.</summary>
    [Alias("link-wechat")] Task LinkWeChatAsync(string openId);

    /// <summary>Hands a notice to every linked WeChat account's outbox; returns once they stored it.</summary>
    [Alias("deliver-notice")] Task DeliverNoticeAsync(PatientNotice notice);
}
