using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Notices;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Patients;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// What is owed after a decision: an expired order to look at, a refund to send or follow to its
/// result, a number to give back, a patient to tell, the day ledgers to list the bill in. A grain
/// timer does it while the grain is active; the registry lists the bill so that start-up resumes
/// it after a restart (reminders on the embedded store live in memory only).
/// </summary>
public sealed partial class InvoiceGrain
{
    /// <summary>WeChat Pay may still be finishing a payment at time_expire; look a little later.</summary>
    private static readonly TimeSpan OrderGrace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan FollowUpInterval = TimeSpan.FromSeconds(15);

    private IGrainTimer? _followUp;
    /// <summary>Whether the registry lists this bill; null until this activation told it (a previous one may have).</summary>
    private bool? _listed;

    public async Task ResumeAsync()
    {
        if (!HasOpenWork())
        {
            await GrainFactory.GetGrain<IBillingFollowUpRegistryGrain>(0).MarkDoneAsync(InvoiceId);
            return;
        }
        await FollowUpAsync();
    }

    private bool HasOpenWork()
    {
        var state = store.State;
        if (Invoice is not { } invoice) return false;
        return (invoice.Status == InvoiceStatus.Paying && invoice.CurrentAttempt() is { } attempt && !state.ConcludedOrders.Contains(attempt.OutTradeNo) && pay.Enabled)
            || (pay.Enabled && PendingWeChatRefunds().Any())
            || state.BookingReleaseOwed
            || state.OrdersToClose.Count > 0
            || state.RefundNoticesOwed.Count > 0
            || DaysMovedMoney(invoice).Any(day => !state.LedgerDays.Contains(day));
    }

    private async Task ArmFollowUpAsync()
    {
        if (!HasOpenWork())
        {
            _followUp?.Dispose();
            _followUp = null;
            if (_listed != false)
            {
                await GrainFactory.GetGrain<IBillingFollowUpRegistryGrain>(0).MarkDoneAsync(InvoiceId);
                _listed = false;
            }
            return;
        }
        if (_listed != true)
        {
            await GrainFactory.GetGrain<IBillingFollowUpRegistryGrain>(0).MarkOpenAsync(InvoiceId);
            _listed = true;
        }
        _followUp?.Dispose();
        _followUp = this.RegisterGrainTimer(_ => FollowUpAsync(),
            new GrainTimerCreationOptions(NextLook(), FollowUpInterval) { KeepAlive = true });
    }

    /// <summary>At the open order's expiry (plus grace) if that comes first, else after the usual interval.</summary>
    private TimeSpan NextLook()
    {
        if (Invoice is { Status: InvoiceStatus.Paying } invoice && invoice.CurrentAttempt() is { } attempt)
        {
            var due = attempt.ExpiresAt + OrderGrace - clock.Now;
            if (due < FollowUpInterval) return due < TimeSpan.Zero ? TimeSpan.Zero : due;
        }
        return FollowUpInterval;
    }

    private async Task FollowUpAsync()
    {
        try
        {
            await CheckOpenOrderAsync(expiredOnly: true);
            foreach (var refund in PendingWeChatRefunds()) await FollowRefundAsync(refund);
            if (store.State.BookingReleaseOwed) await ReleaseBookingAsync("system:refund", staff: true);
            await CloseOwedOrdersAsync();
            await TellPatientOfRefundsAsync();
            await ListInDayLedgersAsync();
        }
        catch (Exception failure)
        {
            // Everything owed is stored; the next round tries again.
            LogFollowUpFailed(InvoiceId, failure);
        }
    }

    /// <summary>Tells the patient, through their WeChat, that money which arrived is going back, and why.</summary>
    private async Task TellPatientOfRefundsAsync()
    {
        if (Invoice is not { } invoice || store.State.RefundNoticesOwed.Count == 0) return;
        var booking = invoice.BookingId is { } bookingId ? await PoolOf(bookingId).GetBookingAsync(bookingId) : null;
        foreach (var outRefundNo in store.State.RefundNoticesOwed.ToList())
        {
            await GrainFactory.Patient(invoice.PatientId).DeliverNoticeAsync(
                new PatientNotice($"{outRefundNo}-{NoticeKind.PaymentRefunded.Code()}", NoticeKind.PaymentRefunded, invoice.PatientId, clock.Now, booking));
            store.State.RefundNoticesOwed.Remove(outRefundNo);
        }
        await store.WriteStateAsync();
    }

    /// <summary>Lists the bill in the ledger of every day it took or gave back money (what takings and reconciliation read).</summary>
    private async Task ListInDayLedgersAsync()
    {
        if (Invoice is not { } invoice) return;
        var missing = DaysMovedMoney(invoice).Where(day => !store.State.LedgerDays.Contains(day)).ToList();
        if (missing.Count == 0) return;
        foreach (var day in missing)
        {
            await GrainFactory.GetGrain<IBillingDayGrain>(BillingDays.Key(day)).AddAsync(InvoiceId);
            store.State.LedgerDays.Add(day);
        }
        await store.WriteStateAsync();
    }

    private static IEnumerable<DateOnly> DaysMovedMoney(Invoice invoice) =>
        invoice.Payments.Select(p => HospitalTime.Today(p.PaidAt))
            .Concat(invoice.Refunds.Select(r => HospitalTime.Today(r.FinishedAt ?? r.RequestedAt)))
            .Distinct();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice {InvoiceId}: a follow-up round failed; it is retried.")]
    private partial void LogFollowUpFailed(string invoiceId, Exception failure);
}
