namespace HospitalOrleans.Domain.Billing;

public enum BillingOutcome
{
    /// <summary>The step was taken; the invoice changed.</summary>
    Done,
    /// <summary>The same step was already taken (a retry); nothing changed.</summary>
    AlreadyDone,
    /// <summary>Money arrived for an invoice already paid: recorded, and <see cref="BillingDecision.Refund"/> returns it.</summary>
    PaidTwice,
    /// <summary>Money arrived for an invoice closed unpaid: recorded, and <see cref="BillingDecision.Refund"/> returns it.</summary>
    ArrivedAfterClose,
    /// <summary>Refused (<see cref="BillingDecision.Refusal"/>); nothing changed.</summary>
    Refused,
}

/// <summary>
/// What <see cref="InvoiceMachine"/> decided. <see cref="Changed"/> says whether the invoice must
/// be persisted before anyone is told, or the provider is called (a pending refund is persisted
/// first, then sent). <see cref="Detail"/> (Chinese) and <see cref="DetailEn"/> are shown as they are.
/// </summary>
public sealed record BillingDecision(BillingOutcome Outcome, BillingRefusal? Refusal, bool Changed, string Detail, string DetailEn)
{
    /// <summary>The payment order opened or reused (StartPaying), or the one to close at the provider (Close).</summary>
    public PaymentAttempt? Attempt { get; init; }
    /// <summary>The payment recorded or found.</summary>
    public Payment? Payment { get; init; }
    /// <summary>The refund created or found; for PaidTwice / ArrivedAfterClose, the refund to send.</summary>
    public Refund? Refund { get; init; }
    /// <summary>The refund rules' verdict, when a refund request reached them.</summary>
    public RefundDecision? Rule { get; init; }

    /// <summary>The step asked for happened (now or before).</summary>
    public bool Succeeded => Outcome is BillingOutcome.Done or BillingOutcome.AlreadyDone;

    /// <summary>Money came in that the invoice cannot keep; <see cref="Refund"/> must be sent to the provider (or handed back at the window).</summary>
    public bool RefundRequired => Outcome is BillingOutcome.PaidTwice or BillingOutcome.ArrivedAfterClose;

    internal static BillingDecision Done(string detail, string detailEn) => new(BillingOutcome.Done, null, true, detail, detailEn);

    internal static BillingDecision AlreadyDone(string detail, string detailEn) => new(BillingOutcome.AlreadyDone, null, false, detail, detailEn);

    internal static BillingDecision Refused(BillingRefusal refusal, string detail, string detailEn) => new(BillingOutcome.Refused, refusal, false, detail, detailEn);
}
