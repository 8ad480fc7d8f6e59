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

    /// <summary>
    /// The registration fee of a held online booking (this grain's key must be
    /// <see cref="RegistrationInvoices.IdFor"/> of it): issued from the pool's fee on first call, the
    /// same bill afterwards. Null when the pool has no such booking or it is not an online one.
    /// </summary>
    [Alias("ensure-registration")] Task<Invoice?> EnsureRegistrationAsync(string bookingId);

    /// <summary>
    /// Opens (or reuses, while it is open) a WeChat Pay JSAPI order for <paramref name="payerOpenId"/>.
    /// A registration fee's order expires at the booking's hold deadline; other bills' after
    /// <c>Billing:PayOrderMinutes</c>.
    /// </summary>
    [Alias("start-wechat-payment")] Task<WeChatPaymentStart> StartWeChatPaymentAsync(string payerOpenId, string by);

    /// <summary>
    /// A verified WeChat Pay transaction for one of this bill's orders. For a registration fee the
    /// booking is confirmed in its pool first; a payment the pool no longer accepts (the hold expired
    /// and the number went back) is recorded and refunded at once, and the patient is told.
    /// Idempotent on the transaction id. Refused when the mchid, appid or amount is not this bill's.
    /// </summary>
    [Alias("wechat-transaction")] Task<BillingDecision> ReceiveWeChatTransactionAsync(WeChatTransactionReport report);

    /// <summary>A WeChat Pay refund result for one of this bill's refunds; idempotent.</summary>
    [Alias("wechat-refund")] Task<BillingDecision> ReceiveWeChatRefundAsync(WeChatRefundReport report);

    /// <summary>Asks WeChat Pay how the open order and pending refunds stand (a notification may be late) and applies what it says.</summary>
    [Alias("check-wechat")] Task<Invoice?> CheckWithProviderAsync();

    /// <summary>
    /// Cancels the booking this registration fee is for. Unpaid: the order is closed and the number
    /// goes back. Paid: the <see cref="RefundRules"/> for <paramref name="via"/> decide; when allowed, the
    /// whole refundable amount goes back the way it came and the number returns to its pool.
    /// </summary>
    /// <param name="patientId">The booking's patient, checked against the bill (a patient's own cancellation); null for staff.</param>
    [Alias("cancel-registration")] Task<RegistrationCancellation> CancelRegistrationAsync(RefundChannel via, string by, string reason, string? patientId);

    /// <summary>Resumes owed follow-ups after a restart (called from start-up for the registry's invoices).</summary>
    [Alias("resume")] Task ResumeAsync();
}
