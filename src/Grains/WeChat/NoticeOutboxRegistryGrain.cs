using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>A durable set of OpenIDs; written only when membership changes.</summary>
public sealed class NoticeOutboxRegistryGrain(
    [PersistentState("notice-outboxes", GrainStorage.ProviderName)] IPersistentState<PendingOutboxes> store) : Grain, INoticeOutboxRegistryGrain
{
    public async Task MarkPendingAsync(string openId)
    {
        if (store.State.OpenIds.Add(openId)) await store.WriteStateAsync();
    }

    public async Task MarkDrainedAsync(string openId)
    {
        if (store.State.OpenIds.Remove(openId)) await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetPendingAsync() => Task.FromResult<IReadOnlyList<string>>(store.State.OpenIds.ToList());
}

public sealed class PendingOutboxes
{
    public HashSet<string> OpenIds { get; set; } = new(StringComparer.Ordinal);
}
