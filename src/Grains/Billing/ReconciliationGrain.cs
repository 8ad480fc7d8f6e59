using System.Globalization;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Grains.Persistence;
using HospitalOrleans.WeChat.Pay;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// A day's reconciliation: gathers our entries from the day ledgers, WeChat Pay's from its trade
/// bill, lets <see cref="Reconciliation.Compare"/> judge, and keeps the run. A run whose bill could
/// not be had is kept too, with the reason, so finance sees that the day was tried and why it failed.
/// </summary>
public sealed partial class ReconciliationGrain(
    [PersistentState("reconciliation", GrainStorage.ProviderName)] IPersistentState<ReconciliationHistory> store,
    IGrainFactory grains,
    WeChatPayGateway pay,
    HospitalClock clock,
    ILogger<ReconciliationGrain> logger) : Grain, IReconciliationGrain
{
    /// <summary>Enough to show how a day's result changed after reruns; older runs only grow the row.</summary>
    private const int RunsKept = 20;

    /// <summary>All WeChat Pay calls of a run end within this, well inside the caller's grain-call timeout.</summary>
    private static readonly TimeSpan ProviderBudget = TimeSpan.FromSeconds(20);

    private static readonly TimeOnly BillAvailableFrom = new(10, 0);

    public async Task<ReconciliationRun> RunAsync(string by)
    {
        var day = Day();
        var ours = await OurEntriesAsync(day);
        using var budget = new CancellationTokenSource(ProviderBudget);
        var bill = await ProviderBillAsync(day, budget.Token);
        var report = Reconciliation.Compare(ours, bill.Entries, day);
        if (bill.Fault is null && report.Mismatches.Any(m => m.Kind is MismatchKind.MissingAtProvider or MismatchKind.MissingInOurRecords))
        {
            // Only a missing entry needs the neighbouring bills: they tell an entry dated across
            // midnight from money one side never saw.
            var neighbours = await NeighbouringBillsAsync(day, budget.Token);
            report = Reconciliation.Compare(ours, bill.Entries.Concat(neighbours), day);
        }

        var run = new ReconciliationRun(day, clock.Now, by, report, bill.Fault);
        store.State.Runs.Add(run);
        if (store.State.Runs.Count > RunsKept) store.State.Runs.RemoveRange(0, store.State.Runs.Count - RunsKept);
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Never answer GetAsync with a run that was not stored: start again from the stored runs.
            DeactivateOnIdle();
            throw;
        }

        LogRun(BillingDays.Key(day), by, report.Balanced, report.Mismatches.Count, bill.Fault ?? "none");
        return run;
    }

    public Task<ReconciliationRun?> GetAsync() =>
        Task.FromResult(store.State.Runs.Count == 0 ? null : store.State.Runs[^1]);

    /// <summary>
    /// Our payments and refunds of the day and of the days either side: an entry near midnight may
    /// be listed under the neighbouring day on one side, and Compare names it instead of calling it missing.
    /// </summary>
    private async Task<List<OurEntry>> OurEntriesAsync(DateOnly day)
    {
        var lists = await Task.WhenAll(new[] { day.AddDays(-1), day, day.AddDays(1) }
            .Select(d => grains.GetGrain<IBillingDayGrain>(BillingDays.Key(d)).GetInvoiceIdsAsync()));
        var invoices = await Task.WhenAll(lists.SelectMany(ids => ids).Distinct(StringComparer.Ordinal)
            .Select(id => grains.GetGrain<IInvoiceGrain>(id).GetAsync()));
        return invoices.OfType<Invoice>().SelectMany(Reconciliation.EntriesOf).ToList();
    }

    /// <summary>
    /// WeChat Pay's entries for the day, or why there are none to trust. NO_STATEMENT_EXIST is
    /// WeChat Pay's way of saying no trade succeeded that day: an empty bill, not a fault (a day of
    /// cash and card only). A bill not made yet answers otherwise (STATEMENT_CREATING, PARAM_ERROR).
    /// </summary>
    private async Task<(IReadOnlyList<ProviderEntry> Entries, string? Fault)> ProviderBillAsync(DateOnly day, CancellationToken ct)
    {
        if (pay.Client is not { } client)
            return ([], "微信支付未开通，未取得对账单。WeChat Pay is not configured (WeChatPay:MchId is empty): no bill was fetched.");
        try
        {
            var bill = await client.DownloadTradeBillAsync(day, ct);
            if (bill is { Ok: true, Value: { } found }) return (ProviderEntries.Of(found), null);
            var error = bill.Error!;
            if (error.Code == PayErrorCodes.NoStatementExist) return ([], null);
            return ([], $"未能取得微信支付 {BillingDays.Key(day)} 的交易账单。The trade bill for {BillingDays.Key(day)} could not be fetched: "
                + $"{error.Code} {error.Message}{(error.RequestId is { } id ? $" (Request-ID {id})" : "")}.{NotDueYet(day)}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ([], $"微信支付未及时返回 {BillingDays.Key(day)} 的交易账单。WeChat Pay did not deliver the trade bill within {ProviderBudget.TotalSeconds:0} s.");
        }
    }

    /// <summary>The bills of the days either side, where they can be had; any that cannot is simply left out.</summary>
    private async Task<IEnumerable<ProviderEntry>> NeighbouringBillsAsync(DateOnly day, CancellationToken ct)
    {
        if (pay.Client is not { } client) return [];
        try
        {
            var bills = await Task.WhenAll(new[] { day.AddDays(-1), day.AddDays(1) }.Select(d => client.DownloadTradeBillAsync(d, ct)));
            return bills.Where(b => b.Ok).SelectMany(b => ProviderEntries.Of(b.Value!));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return [];
        }
    }

    /// <summary>WeChat Pay makes a day's bill available from 10:00 the next day (hospital time); said when asked earlier.</summary>
    private string NotDueYet(DateOnly day) =>
        clock.Now < HospitalTime.At(day.AddDays(1), BillAvailableFrom)
            ? $" 微信支付次日 10:00 起提供前一日账单。WeChat Pay publishes a day's bill from 10:00 the next day; it is {HospitalTime.ToLocal(clock.Now):yyyy-MM-dd HH:mm} now."
            : "";

    private DateOnly Day()
    {
        var key = this.GetPrimaryKeyString();
        return DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidOperationException($"A reconciliation is keyed by its day as yyyy-MM-dd, not '{key}'.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Day} for {By}: balanced {Balanced}, {Mismatches} mismatches, provider fault: {Fault}.")]
    private partial void LogRun(string day, string by, bool balanced, int mismatches, string fault);
}

public sealed class ReconciliationHistory
{
    /// <summary>Oldest first; the last is the day's current result.</summary>
    public List<ReconciliationRun> Runs { get; set; } = new();
}
