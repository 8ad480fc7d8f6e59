using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Finance;

/// <summary>
/// The finance office's day: takings per channel of every window and of WeChat Pay, each window's
/// share, and the day's reconciliation against WeChat Pay's bill, run again on demand.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class IndexModel(IGrainFactory grains, HospitalClock clock) : HospitalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public DateOnly Day { get; private set; }

    public TakingsSummary? Takings { get; private set; }

    /// <summary>What each clerk took and handed back at the windows.</summary>
    public IReadOnlyList<TakingsSummary> ByClerk { get; private set; } = [];

    public ReconciliationRun? Run { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() ? Page() : Fail(T.DateOutOfRange, StatusCodes.Status400BadRequest);

    public async Task<IActionResult> OnPostRunAsync()
    {
        if (!InvoiceReader.TryChooseDay(Date, HospitalTime.Today(clock.Now), out var day))
        {
            await LoadAsync();
            return Fail(T.DateOutOfRange, StatusCodes.Status400BadRequest);
        }
        await grains.GetGrain<IReconciliationGrain>(BillingDays.Key(day)).RunAsync(User.Name());
        Notice = T.ReconciliationDone;
        return RedirectToPage(new { date = Format.IsoDate(day) });
    }

    private async Task<bool> LoadAsync()
    {
        var valid = InvoiceReader.TryChooseDay(Date, HospitalTime.Today(clock.Now), out var day);
        Day = day;
        var runTask = grains.GetGrain<IReconciliationGrain>(BillingDays.Key(day)).GetAsync();
        var invoices = await InvoiceReader.OnDayAsync(grains, day);
        Takings = TakingsSummary.Of(invoices, day);
        ByClerk = WindowClerks(invoices, day).Select(clerk => TakingsSummary.Of(invoices, day, clerk)).ToList();
        Run = await runTask;
        return valid;
    }

    /// <summary>Who moved cash or card money that day (WeChat Pay's own notifications are not a window).</summary>
    private static IEnumerable<string> WindowClerks(IReadOnlyList<Invoice> invoices, DateOnly day) =>
        invoices.SelectMany(i => i.Payments).Where(p => p.Channel != PaymentChannel.WeChat && HospitalTime.Today(p.PaidAt) == day).Select(p => p.By)
            .Concat(invoices.SelectMany(i => i.Refunds)
                .Where(r => r.Channel != PaymentChannel.WeChat && r.State == RefundState.Succeeded && r.FinishedAt is { } at && HospitalTime.Today(at) == day)
                .Select(r => r.FinishedBy ?? r.RequestedBy))
            .Distinct().Order(StringComparer.Ordinal);
}
