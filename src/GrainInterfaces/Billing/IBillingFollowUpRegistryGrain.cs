namespace HospitalOrleans.GrainInterfaces.Billing;

/// <summary>
/// The invoices with work still owed to the payment provider (an open order to check or close, a
/// refund to send or follow): written only when membership changes, read at start-up so that a
/// restart (embedded reminders live in memory) resumes every follow-up.
/// </summary>
[Alias("hospital.billing-follow-ups")]
public interface IBillingFollowUpRegistryGrain : IGrainWithIntegerKey
{
    [Alias("mark")] Task MarkOpenAsync(string invoiceId);
    [Alias("done")] Task MarkDoneAsync(string invoiceId);
    [Alias("list")] Task<IReadOnlyList<string>> GetOpenAsync();
}
