namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// A bill and everything that happened to it: payment orders, payments, refunds, the fapiao and
/// every status change. Persisted whole; change it only through <see cref="InvoiceMachine"/>.
/// Amounts are integer fen everywhere.
/// </summary>
public sealed class Invoice
{
    public string InvoiceId { get; set; } = "";
    /// <summary>The patient's outpatient number.</summary>
    public string PatientId { get; set; } = "";
    public InvoiceSource Source { get; set; }
    /// <summary>The booking a registration fee is for; may also name the visit of a consultation-room bill.</summary>
    public string? BookingId { get; set; }
    /// <summary>
    /// The day the refund rules count from: the booking's date for a registration fee, the day the
    /// bill was issued for a consultation-room bill or a deposit (hospital time).
    /// </summary>
    public DateOnly VisitDate { get; set; }
    public List<InvoiceItem> Items { get; set; } = new();
    /// <summary>Sum of the items' amounts, fixed at creation.</summary>
    public long TotalFen { get; set; }
    public InvoiceStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<PaymentAttempt> Attempts { get; set; } = new();
    public List<Payment> Payments { get; set; } = new();
    public List<Refund> Refunds { get; set; } = new();
    public string? FapiaoNumber { get; set; }
    public DateTimeOffset? FapiaoIssuedAt { get; set; }
    public string? FapiaoIssuedBy { get; set; }
    public List<InvoiceTransition> Transitions { get; set; } = new();

    /// <summary>The payment that paid the invoice, if any.</summary>
    public Payment? Settlement() => Payments.Find(p => p.Disposition == PaymentDisposition.Settles);

    /// <summary>What the settling payment brought in; 0 when unpaid.</summary>
    public long PaidFen() => Settlement()?.AmountFen ?? 0;

    /// <summary>Refunds of the settling payment that succeeded.</summary>
    public long RefundedFen() => Settlement() is { } paid ? SumOf(paid, RefundState.Succeeded) : 0;

    /// <summary>Refunds of the settling payment still pending: reserved, not refundable again.</summary>
    public long PendingRefundFen() => Settlement() is { } paid ? SumOf(paid, RefundState.Pending) : 0;

    /// <summary>What may still be refunded of the settling payment: paid − succeeded − pending.</summary>
    public long RefundableFen() => Settlement() is { } paid ? RefundableFen(paid) : 0;

    /// <summary>What may still be refunded of this payment (settling or surplus): amount − succeeded − pending.</summary>
    public long RefundableFen(Payment payment) =>
        payment.AmountFen - SumOf(payment, RefundState.Succeeded) - SumOf(payment, RefundState.Pending);

    public Refund? FindRefund(string outRefundNo) => Refunds.Find(r => r.OutRefundNo == outRefundNo);

    public Payment? FindPayment(string transactionId) => Payments.Find(p => p.TransactionId == transactionId);

    /// <summary>The newest payment order, open or not.</summary>
    public PaymentAttempt? CurrentAttempt() => Attempts.Count == 0 ? null : Attempts[^1];

    private long SumOf(Payment payment, RefundState state) =>
        Refunds.Where(r => r.PaymentTransactionId == payment.TransactionId && r.State == state).Sum(r => r.AmountFen);
}
