using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// A bill's consistency boundary. Not reentrant: a payment notification, a clerk's refund and a
/// close are decided one after another against the same stored invoice, and every decision that
/// changed it is written before anyone is told.
/// </summary>
public sealed partial class InvoiceGrain(
    [PersistentState("invoice", GrainStorage.ProviderName)] IPersistentState<InvoiceRecord> store,
    HospitalClock clock) : Grain, IInvoiceGrain
{
    private Invoice? Invoice => store.State.Invoice;

    public async Task<InvoiceCreation> CreateAsync(NewInvoice draft)
    {
        if (Invoice is { } existing)
            return new InvoiceCreation(existing, "账单已存在。", "The bill exists already.");
        if (draft.InvoiceId != this.GetPrimaryKeyString())
            return new InvoiceCreation(null, "账单号与地址不一致。", $"The bill's id must be '{this.GetPrimaryKeyString()}'.");
        var created = InvoiceMachine.Create(draft, clock.Now);
        if (created.Invoice is null) return created;
        store.State.Invoice = created.Invoice;
        await store.WriteStateAsync();
        return created;
    }

    public Task<Invoice?> GetAsync() => Task.FromResult(Invoice);

    public Task<BillingDecision> RecordWindowPaymentAsync(PaymentChannel channel, long amountFen, string receiptNo, string clerk) =>
        DecideAsync(invoice => InvoiceMachine.ConfirmPayment(invoice, new PaymentReport(channel, amountFen, receiptNo, clock.Now, clerk), clock.Now));

    public async Task<BillingDecision> RefundAtWindowAsync(long amountFen, string reason, string clerk, string? fapiaoNumber)
    {
        var requested = await DecideAsync(invoice => InvoiceMachine.RequestRefund(invoice,
            new RefundRequest(InvoiceMachine.NextOutRefundNo(invoice), amountFen, RefundChannel.Window, reason, clerk, fapiaoNumber), clock.Now));
        // Cash and card go back over the counter there and then; a WeChat refund waits for the provider.
        if (requested.Outcome != BillingOutcome.Done || requested.Refund is not { } refund) return requested;
        var paidWith = refund.PaymentTransactionId is { } id ? Invoice!.FindPayment(id) : Invoice!.Settlement();
        if (paidWith?.Channel is not (PaymentChannel.Cash or PaymentChannel.Card)) return requested;
        return await DecideAsync(invoice => InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, null, clock.Now, clerk, clock.Now));
    }

    public Task<BillingDecision> IssueFapiaoAsync(string fapiaoNumber, string clerk) =>
        DecideAsync(invoice => InvoiceMachine.IssueFapiao(invoice, fapiaoNumber, clerk, clock.Now));

    public Task<BillingDecision> CloseAsync(string reason, string by) =>
        DecideAsync(invoice => InvoiceMachine.Close(invoice, reason, by, clock.Now));

    private async Task<BillingDecision> DecideAsync(Func<Invoice, BillingDecision> decide)
    {
        if (Invoice is not { } invoice)
            return new BillingDecision(BillingOutcome.Refused, null, false, "没有这张账单。", $"No bill '{this.GetPrimaryKeyString()}'.");
        var decision = decide(invoice);
        if (!decision.Changed) return decision;
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // The decision was applied in memory but never stored: reload the stored invoice.
            DeactivateOnIdle();
            throw;
        }
        return decision;
    }
}

public sealed class InvoiceRecord
{
    public Invoice? Invoice { get; set; }
}
