namespace HospitalOrleans.GrainInterfaces.WeChat;

/// <summary>
/// The WeChat users whose outbox holds unsent notices. The embedded store keeps reminders in
/// memory, so after a restart nothing would wake those outboxes; the start-up work asks this
/// registry instead. Key 0.
/// </summary>
[Alias("hospital.notice-outbox-registry")]
public interface INoticeOutboxRegistryGrain : IGrainWithIntegerKey
{
    [Alias("mark-pending")] Task MarkPendingAsync(string openId);

    [Alias("mark-drained")] Task MarkDrainedAsync(string openId);

    [Alias("pending")] Task<IReadOnlyList<string>> GetPendingAsync();
}
