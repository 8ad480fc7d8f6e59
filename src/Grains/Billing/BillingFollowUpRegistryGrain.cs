using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.Billing;

/// <summary>A durable set of invoice ids with follow-ups owed; written only when membership changes.</summary>
public sealed class BillingFollowUpRegistryGrain(
    [PersistentState("billing-follow-ups", GrainStorage.ProviderName)] IPersistentState<OpenFollowUps> store) : Grain, IBillingFollowUpRegistryGrain
{
    public async Task MarkOpenAsync(string invoiceId)
    {
        if (store.State.InvoiceIds.Add(invoiceId)) await store.WriteStateAsync();
    }

    public async Task MarkDoneAsync(string invoiceId)
    {
        if (store.State.InvoiceIds.Remove(invoiceId)) await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetOpenAsync() => Task.FromResult<IReadOnlyList<string>>(store.State.InvoiceIds.ToList());
}

public sealed class OpenFollowUps
{
    public HashSet<string> InvoiceIds { get; set; } = new(StringComparer.Ordinal);
}
