using System.Globalization;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>Bills read for the money pages: a list of ids, or the bills that moved money on one hospital day.</summary>
public static class InvoiceReader
{
    public static async Task<IReadOnlyList<Invoice>> ReadAsync(IGrainFactory grains, IEnumerable<string> invoiceIds)
    {
        var invoices = await Task.WhenAll(invoiceIds.Select(id => grains.GetGrain<IInvoiceGrain>(id).GetAsync()));
        return invoices.OfType<Invoice>().ToList();
    }

    public static async Task<IReadOnlyList<Invoice>> OnDayAsync(IGrainFactory grains, DateOnly day) =>
        await ReadAsync(grains, await grains.GetGrain<IBillingDayGrain>(BillingDays.Key(day)).GetInvoiceIdsAsync());

    /// <summary>The day asked for (<c>yyyy-MM-dd</c>), today when none; false (and today) for another shape or a day still to come.</summary>
    public static bool TryChooseDay(string? text, DateOnly today, out DateOnly day)
    {
        day = today;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) || asked > today) return false;
        day = asked;
        return true;
    }
}
