namespace HospitalOrleans.GrainInterfaces.Billing;

/// <summary>
/// One hospital-time day of money movements (key: <c>yyyy-MM-dd</c>): the ids of the invoices that
/// took or gave back money that day. The day's takings and the reconciliation read the invoices
/// listed here instead of scanning every bill.
/// </summary>
[Alias("hospital.billing-day")]
public interface IBillingDayGrain : IGrainWithStringKey
{
    [Alias("add")] Task AddAsync(string invoiceId);
    [Alias("list")] Task<IReadOnlyList<string>> GetInvoiceIdsAsync();
}

public static class BillingDays
{
    public static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
