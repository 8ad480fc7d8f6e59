using HospitalOrleans.Domain.Billing;

namespace HospitalOrleans.GrainInterfaces.Billing;

/// <summary>
/// One bill (key: invoice id, at most 27 characters): its items, payments, refunds and every state
/// transition. Each step is decided by <see cref="InvoiceMachine"/> and stored before it is
/// answered. Domain types cross as JSON (see DomainSerialization).
/// </summary>
[Alias("hospital.invoice")]
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>Issues the bill; issuing the same bill again returns it unchanged.</summary>
    [Alias("create")] Task<InvoiceCreation> CreateAsync(NewInvoice draft);

    [Alias("get")] Task<Invoice?> GetAsync();

    /// <summary>Cash or card taken at the window; idempotent by the receipt number.</summary>
    [Alias("window-payment")] Task<BillingDecision> RecordWindowPaymentAsync(PaymentChannel channel, long amountFen, string receiptNo, string clerk);

    /// <summary>A refund asked for at the window: cash and card are handed back at once; a WeChat payment's refund stays pending until the payment provider confirms it.</summary>
    [Alias("window-refund")] Task<BillingDecision> RefundAtWindowAsync(long amountFen, string reason, string clerk, string? fapiaoNumber);

    [Alias("issue-fapiao")] Task<BillingDecision> IssueFapiaoAsync(string fapiaoNumber, string clerk);

    [Alias("close")] Task<BillingDecision> CloseAsync(string reason, string by);
}
