using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// A day's ledger of invoices that moved money. Invoices report every payment and refund, so the
/// same id arrives many times: the set is written only when an id is new.
/// </summary>
public sealed class BillingDayGrain(
    [PersistentState("billing-day", GrainStorage.ProviderName)] IPersistentState<BillingDayLedger> store) : Grain, IBillingDayGrain
{
    public async Task AddAsync(string invoiceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        if (!store.State.InvoiceIds.Add(invoiceId)) return;
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Not stored: forget it, so the invoice's retry writes it instead of finding it "known".
            store.State.InvoiceIds.Remove(invoiceId);
            throw;
        }
    }

    public Task<IReadOnlyList<string>> GetInvoiceIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(store.State.InvoiceIds.Order(StringComparer.Ordinal).ToList());
}

public sealed class BillingDayLedger
{
    public HashSet<string> InvoiceIds { get; set; } = new(StringComparer.Ordinal);
}
