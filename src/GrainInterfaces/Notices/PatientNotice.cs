using HospitalOrleans.Domain.Notices;
using HospitalOrleans.GrainInterfaces.Pools;

namespace HospitalOrleans.GrainInterfaces.Notices;

/// <summary>
/// Something a patient is to be told, with the booking as it stood when it happened.
/// <see cref="NoticeId"/> is stable across retries and becomes WeChat's client_msg_id.
/// </summary>
[GenerateSerializer, Alias("hospital.PatientNotice")]
public sealed record PatientNotice(
    [property: Id(0)] string NoticeId,
    [property: Id(1)] NoticeKind Kind,
    [property: Id(2)] string PatientId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] BookingView? Booking);
