using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Grains.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// A bill's consistency boundary. Not reentrant: a payment notification, a clerk's refund, a
/// cancellation and the hold deadline's follow-up are decided one after another against the same
/// stored invoice, and every decision that changed it is written before anyone is told — the
/// payment provider, the pool or the patient.
/// </summary>
/// <remarks>
/// The parts: this file (issuing, the window, storing); <c>.Registration</c> (the booking's fee and
/// its pool); <c>.WeChat</c> (orders, notifications, refunds at WeChat Pay); <c>.FollowUp</c> (what
/// is owed after a decision, resumed after a restart).
/// </remarks>
public sealed partial class InvoiceGrain(
    [PersistentState("invoice", GrainStorage.ProviderName)] IPersistentState<InvoiceRecord> store,
    HospitalClock clock,
    WeChatPayGateway pay,
    IConfiguration configuration,
    ILogger<InvoiceGrain> logger) : Grain, IInvoiceGrain
{
    private Invoice? Invoice => store.State.Invoice;

    private string InvoiceId => this.GetPrimaryKeyString();

    public async Task<InvoiceCreation> CreateAsync(NewInvoice draft)
    {
        if (Invoice is { } existing)
            return new InvoiceCreation(existing, "账单已存在。", "The bill exists already.");
        if (draft.InvoiceId != InvoiceId)
            return new InvoiceCreation(null, "账单号与地址不一致。", $"The bill's id must be '{InvoiceId}'.");
        var created = InvoiceMachine.Create(draft, clock.Now);
        if (created.Invoice is null) return created;
        store.State.Invoice = created.Invoice;
        await SaveAsync();
        return created;
    }

    public Task<Invoice?> GetAsync() => Task.FromResult(Invoice);

    public Task<BillingDecision> RecordWindowPaymentAsync(PaymentChannel channel, long amountFen, string receiptNo, string clerk) =>
        SettleAsync(new PaymentReport(channel, amountFen, receiptNo, clock.Now, clerk));

    public async Task<BillingDecision> RefundAtWindowAsync(long amountFen, string reason, string clerk, string? fapiaoNumber)
    {
        if (Invoice is not { } invoice) return NoSuchBill();
        var requested = await DecideAsync(current => InvoiceMachine.RequestRefund(current,
            new RefundRequest(InvoiceMachine.NextOutRefundNo(current), amountFen, RefundChannel.Window, reason, clerk, fapiaoNumber), clock.Now));
        if (requested.Outcome != BillingOutcome.Done || requested.Refund is not { } refund) return requested;
        return await CarryOutRefundAsync(refund, clerk);
    }

    public Task<BillingDecision> IssueFapiaoAsync(string fapiaoNumber, string clerk) =>
        DecideAsync(invoice => InvoiceMachine.IssueFapiao(invoice, fapiaoNumber, clerk, clock.Now));

    public async Task<BillingDecision> CloseAsync(string reason, string by)
    {
        var decision = await DecideAsync(invoice => InvoiceMachine.Close(invoice, reason, by, clock.Now));
        if (decision.Outcome == BillingOutcome.Done && decision.Attempt is { } open) await CloseOrderLaterAsync(open.OutTradeNo);
        return decision;
    }

    /// <summary>
    /// Cash and card go back over the counter there and then (the clerk hands it over as the
    /// refund is recorded); a WeChat payment's refund goes to WeChat Pay and stays pending until
    /// its result arrives.
    /// </summary>
    private async Task<BillingDecision> CarryOutRefundAsync(Refund refund, string by)
    {
        if (refund.Channel is PaymentChannel.Cash or PaymentChannel.Card)
            return await DecideAsync(invoice => InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, null, clock.Now, by, clock.Now));
        await SendRefundAsync(refund);
        return new BillingDecision(BillingOutcome.Done, null, true,
            $"退款 {Yuan(refund.AmountFen)} 已提交微信支付，将原路退回。", $"A refund of {Yuan(refund.AmountFen)} was sent to WeChat Pay and goes back to the payer.")
        { Refund = refund };
    }

    /// <summary>Takes a decision on the stored invoice and stores it when it changed anything.</summary>
    private async Task<BillingDecision> DecideAsync(Func<Invoice, BillingDecision> decide)
    {
        if (Invoice is not { } invoice) return NoSuchBill();
        var decision = decide(invoice);
        if (decision.Changed) await SaveAsync();
        return decision;
    }

    /// <summary>
    /// Stores the record, then lists the invoice in the ledgers of the days it moved money on and
    /// arms the follow-up. A failed write leaves a changed invoice in memory that was never
    /// stored: the activation is dropped so the next call reads what is durable.
    /// </summary>
    private async Task SaveAsync()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        await ListInDayLedgersAsync();
        await ArmFollowUpAsync();
    }

    private static string Yuan(long fen) => "¥" + Money.FormatYuan(fen);

    private BillingDecision NoSuchBill() =>
        new(BillingOutcome.Refused, BillingRefusal.Invalid, false, "没有这张账单。", $"No bill '{InvoiceId}'.");
}
