using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Patients;
using Orleans.Concurrency;

namespace HospitalOrleans.GrainInterfaces.WeChat;

/// <summary>
/// One WeChat user (an OpenID) of the hospital's account: whether they follow it, which inbound
/// messages were already handled, and the durable outbox of notices sent to them.
/// </summary>
[Alias("hospital.wechat-user")]
public interface IWeChatUserGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records an inbound message or event by its dedupe key; false when it was seen already
    /// (WeChat retries up to three times), so it is handled once.
    /// </summary>
    [AlwaysInterleave, Alias("accept-inbound")] Task<bool> AcceptInboundAsync(string dedupeKey, DateTimeOffset at);

    [Alias("follow")] Task FollowAsync(string? scene, DateTimeOffset at);

    [Alias("unfollow")] Task UnfollowAsync(DateTimeOffset at);

    /// <summary>Stores the notice durably, then sends it in the background; a notice id already known is ignored.</summary>
    [Alias("enqueue")] Task EnqueueAsync(PatientNotice notice);

    /// <summary>The TEMPLATESENDJOBFINISH report for a template message sent earlier.</summary>
    [Alias("delivery-report")] Task RecordDeliveryReportAsync(long msgId, string status);

    /// <summary>Adds a patient this account manages (bound card); the first becomes the default.</summary>
    [Alias("add-patient")] Task<bool> AddPatientAsync(string outpatientNumber, Relationship relationship, bool makeDefault, int maxPatients);

    [Alias("remove-patient")] Task<bool> RemovePatientAsync(string outpatientNumber);

    [Alias("set-default")] Task<bool> SetDefaultPatientAsync(string outpatientNumber);

    [Alias("patients")] Task<IReadOnlyList<ManagedPatient>> GetPatientsAsync();

    [AlwaysInterleave, Alias("manages")] Task<bool> ManagesAsync(string outpatientNumber);

    [Alias("get")] Task<WeChatUserView> GetAsync();

    /// <summary>Activates the grain so its outbox resumes (after a restart).</summary>
    [Alias("wake")] Task WakeAsync();
}

[GenerateSerializer, Alias("hospital.WeChatUserView")]
public sealed record WeChatUserView(
    [property: Id(0)] bool Following,
    [property: Id(1)] string? SubscribeScene,
    [property: Id(2)] IReadOnlyList<string> PatientIds,
    [property: Id(3)] IReadOnlyList<NoticeDeliveryView> Notices);

/// <summary>Where a notice stands: Pending, Sent (WeChat accepted it), Delivered, Failed or Skipped (user does not follow).</summary>
[GenerateSerializer, Alias("hospital.NoticeDeliveryView")]
public sealed record NoticeDeliveryView(
    [property: Id(0)] string NoticeId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Status,
    [property: Id(3)] int Attempts,
    [property: Id(4)] long? MsgId,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTimeOffset EnqueuedAt);
