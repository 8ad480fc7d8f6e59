using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Notices;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>What the platform remembers of one WeChat user.</summary>
public sealed class WeChatUserState
{
    public bool Following { get; set; }
    public string? SubscribeScene { get; set; }
    public DateTimeOffset? FollowedAt { get; set; }
    public DateTimeOffset? UnfollowedAt { get; set; }
    /// <summary>The patients (就诊人) this account manages, in the order they were added.</summary>
    public List<ManagedPatientEntry> Patients { get; set; } = new();
    /// <summary>Pending notices and the most recent finished ones, oldest first.</summary>
    public List<NoticeDelivery> Notices { get; set; } = new();
}

public sealed class ManagedPatientEntry
{
    public string OutpatientNumber { get; set; } = "";
    public Relationship Relationship { get; set; }
    public bool IsDefault { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public enum NoticeDeliveryStatus
{
    Pending = 0,
    /// <summary>WeChat accepted the template message (errcode 0).</summary>
    Sent = 1,
    /// <summary>TEMPLATESENDJOBFINISH reported success.</summary>
    Delivered = 2,
    Failed = 3,
    /// <summary>Not sendable to this user (no template configured, or the user does not follow the account).</summary>
    Skipped = 4,
}

public sealed class NoticeDelivery
{
    public PatientNotice Notice { get; set; } = null!;
    public NoticeDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset EnqueuedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public long? MsgId { get; set; }
    public string? LastError { get; set; }
}
