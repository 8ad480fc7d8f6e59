using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using static HospitalOrleans.Domain.Billing.BillingText;

namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// The life of an <see cref="Invoice"/>. Pure and synchronous: every method takes the current
/// time and decides at once, so the invoice grain can take decisions one after another and
/// persist before it calls the payment provider or answers. A refused step changes nothing; every
/// status change is recorded in <see cref="Invoice.Transitions"/>.
/// </summary>
/// <remarks>
/// <para>Payment orders (<see cref="StartPaying"/>) are WeChat Pay orders; cash and card are
/// confirmed straight from Unpaid or Paying. A payment the invoice cannot keep (paid twice, after
/// close) is recorded anyway, with a pending refund through its own channel, so that the money
/// the provider moved is in our records and goes back.</para>
/// <para>Refunds are per payment: pending refunds reserve their amount, so the refunds of a payment
/// can never add up to more than it brought in; a failed or closed refund frees its amount.</para>
/// </remarks>
public static partial class InvoiceMachine
{
    public const int MaxItems = 200;
    public const int MaxReasonLength = 200;
    public const int MaxFapiaoNumberLength = 32;

    /// <summary>
    /// Issues a bill, Unpaid. The visit date is the booking's date for a registration fee (taken
    /// from the booking id, so the two never disagree) and today, hospital time, for a
    /// consultation-room bill or a deposit.
    /// </summary>
    public static InvoiceCreation Create(NewInvoice draft, DateTimeOffset now)
    {
        if (!InvoiceIds.IsValid(draft.InvoiceId))
            return Fail($"账单号须为 {InvoiceIds.MinLength}–{InvoiceIds.MaxLength} 位字母、数字、'-' 或 '_'。",
                $"An invoice id is {InvoiceIds.MinLength}–{InvoiceIds.MaxLength} letters, digits, '-' or '_'.");
        if (!OutpatientNumberFormat.IsWellFormed(draft.PatientId))
            return Fail("门诊号须为 6–20 位字母或数字。", "The outpatient number must be 6–20 letters or digits.");
        if (string.IsNullOrWhiteSpace(draft.By))
            return Fail("须注明开单人。", "Who issues the bill must be given.");
        if (draft.Items is null || draft.Items.Count == 0)
            return Fail("账单至少要有一项收费。", "A bill needs at least one item.");
        if (draft.Items.Count > MaxItems)
            return Fail($"一张账单最多 {MaxItems} 项。", $"A bill has at most {MaxItems} items.");

        var faults = new List<ItemFault>();
        for (var i = 0; i < draft.Items.Count; i++)
            foreach (var fault in draft.Items[i].Validate())
                faults.Add(new ItemFault(i, fault));
        if (faults.Count > 0)
        {
            var list = string.Join(", ", faults.Select(f => $"#{f.Index + 1} {f.Fault}"));
            return Fail($"收费项目有误：{list}。", $"Some items are not valid: {list}.") with { ItemFaults = faults };
        }

        var total = draft.Items.Sum(i => i.AmountFen);
        if (total <= 0)
            return Fail("账单总额须大于 0。", "A bill's total must be above 0.");

        DateOnly visitDate;
        switch (draft.Source)
        {
            case InvoiceSource.Registration:
                if (!BookingId.TryParse(draft.BookingId, out var booking))
                    return Fail("挂号费账单须注明有效的预约号。", "A registration fee needs a valid booking id.");
                visitDate = booking.Pool.Date;
                break;
            case InvoiceSource.ConsultationRoom:
                if (draft.BookingId is not null && !BookingId.TryParse(draft.BookingId, out _))
                    return Fail("预约号格式不正确。", "The booking id is not valid.");
                visitDate = HospitalTime.Today(now);
                break;
            case InvoiceSource.InpatientDeposit:
                if (draft.BookingId is not null)
                    return Fail("住院押金不对应门诊预约。", "A deposit is not tied to an outpatient booking.");
                visitDate = HospitalTime.Today(now);
                break;
            default:
                return Fail("未知的账单来源。", $"Unknown invoice source {draft.Source}.");
        }

        var invoice = new Invoice
        {
            InvoiceId = draft.InvoiceId,
            PatientId = draft.PatientId,
            Source = draft.Source,
            BookingId = draft.BookingId,
            VisitDate = visitDate,
            Items = draft.Items.ToList(),
            TotalFen = total,
            Status = InvoiceStatus.Unpaid,
            CreatedAt = now,
            CreatedBy = draft.By,
        };
        invoice.Transitions.Add(new InvoiceTransition
        {
            From = null, To = InvoiceStatus.Unpaid, At = now, By = draft.By,
            Reason = $"开具账单 {Yuan(total)} / issued for {Yuan(total)}",
        });
        return new InvoiceCreation(invoice, $"账单已开具，共 {Yuan(total)}。", $"The bill is issued for {Yuan(total)}.");

        static InvoiceCreation Fail(string detail, string detailEn) => new(null, detail, detailEn);
    }

    /// <summary>
    /// Opens a WeChat Pay order for the invoice: Unpaid → Paying. While the newest order is still
    /// open, asking again returns it unchanged (one scan after another shows the same order); once
    /// it expired, a new one with the next <see cref="OutTradeNo"/> is opened. Persist, then create
    /// the order at the provider with <see cref="PaymentAttempt.OutTradeNo"/> and
    /// <see cref="PaymentAttempt.ExpiresAt"/>; retrying that call reuses the same number.
    /// </summary>
    public static BillingDecision StartPaying(Invoice invoice, DateTimeOffset expiresAt, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(by))
            return BillingDecision.Refused(BillingRefusal.Invalid, "须注明操作人。", "Who starts the payment must be given.");
        if (expiresAt <= now)
            return BillingDecision.Refused(BillingRefusal.Invalid, "支付截止时间须晚于现在。", "The payment order must expire after now.");

        switch (invoice.Status)
        {
            case InvoiceStatus.Unpaid:
            case InvoiceStatus.Paying:
                if (invoice.Status == InvoiceStatus.Paying && invoice.CurrentAttempt() is { } open && open.IsOpenAt(now))
                    return BillingDecision.AlreadyDone("支付订单仍然有效。", "The payment order is still open.") with { Attempt = open };
                var sequence = invoice.Attempts.Count + 1;
                if (sequence > OutTradeNo.MaxSequence)
                    return BillingDecision.Refused(BillingRefusal.TooMany,
                        $"该账单的支付订单已达 {OutTradeNo.MaxSequence} 个，请到窗口缴费。",
                        $"This bill has had {OutTradeNo.MaxSequence} payment orders; please pay at a window.");
                var attempt = new PaymentAttempt
                {
                    OutTradeNo = OutTradeNo.For(invoice.InvoiceId, sequence),
                    Sequence = sequence,
                    StartedAt = now,
                    ExpiresAt = expiresAt,
                    By = by,
                };
                invoice.Attempts.Add(attempt);
                if (invoice.Status == InvoiceStatus.Unpaid)
                    Move(invoice, InvoiceStatus.Paying, by, $"开始微信支付 {attempt.OutTradeNo} / WeChat Pay order {attempt.OutTradeNo} opened", now);
                return BillingDecision.Done($"已生成支付订单 {attempt.OutTradeNo}。", $"Payment order {attempt.OutTradeNo} is open.") with { Attempt = attempt };
            default:
                return Illegal(invoice, "发起支付", "start a payment");
        }
    }

    /// <summary>
    /// Closes an unpaid invoice: Unpaid/Paying → Closed (the booking's hold expired, staff withdrew
    /// the bill). When it was Paying, <see cref="BillingDecision.Attempt"/> is the order to close at
    /// the provider; a payment that still reaches us is refunded (<see cref="BillingOutcome.ArrivedAfterClose"/>).
    /// A paid invoice is never closed: it is refunded.
    /// </summary>
    public static BillingDecision Close(Invoice invoice, string reason, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength || string.IsNullOrWhiteSpace(by))
            return BillingDecision.Refused(BillingRefusal.Invalid,
                $"关闭账单须注明操作人和原因（不超过 {MaxReasonLength} 字）。", $"Closing a bill needs who and why (at most {MaxReasonLength} characters).");
        switch (invoice.Status)
        {
            case InvoiceStatus.Closed:
                return BillingDecision.AlreadyDone("账单已关闭。", "The bill is already closed.");
            case InvoiceStatus.Unpaid:
            case InvoiceStatus.Paying:
                var open = invoice.Status == InvoiceStatus.Paying ? invoice.CurrentAttempt() : null;
                Move(invoice, InvoiceStatus.Closed, by, reason, now);
                return BillingDecision.Done("账单已关闭。", "The bill is closed.") with { Attempt = open };
            default:
                return Illegal(invoice, "关闭", "close it");
        }
    }

    /// <summary>
    /// Records that a fapiao was issued for a paid invoice. From then on it is refunded only at the
    /// window, against that fapiao (<see cref="RefundRules"/>). Issuing the same number again changes
    /// nothing; a different number is refused (void the first one in the fapiao system first).
    /// </summary>
    public static BillingDecision IssueFapiao(Invoice invoice, string fapiaoNumber, string by, DateTimeOffset now)
    {
        if (fapiaoNumber is not { Length: >= 1 and <= MaxFapiaoNumberLength } || !fapiaoNumber.All(char.IsAsciiLetterOrDigit) || string.IsNullOrWhiteSpace(by))
            return BillingDecision.Refused(BillingRefusal.Invalid,
                $"发票号须为 1–{MaxFapiaoNumberLength} 位字母或数字，并注明开票人。", $"A fapiao number is 1–{MaxFapiaoNumberLength} letters or digits, and who issued it must be given.");
        if (invoice.FapiaoNumber is { } issued)
            return issued == fapiaoNumber
                ? BillingDecision.AlreadyDone("发票已开具。", "The fapiao is already recorded.")
                : BillingDecision.Refused(BillingRefusal.FapiaoAlreadyIssued,
                    $"该账单已开具发票 {issued}。", $"Fapiao {issued} was already issued for this bill.");
        if (invoice.Status is not (InvoiceStatus.Paid or InvoiceStatus.PartlyRefunded))
            return Illegal(invoice, "开具发票", "issue a fapiao");
        invoice.FapiaoNumber = fapiaoNumber;
        invoice.FapiaoIssuedAt = now;
        invoice.FapiaoIssuedBy = by;
        return BillingDecision.Done($"已记录发票 {fapiaoNumber}。", $"Fapiao {fapiaoNumber} is recorded.");
    }

    private static void Move(Invoice invoice, InvoiceStatus to, string by, string reason, DateTimeOffset now)
    {
        invoice.Transitions.Add(new InvoiceTransition { From = invoice.Status, To = to, At = now, By = by, Reason = reason });
        invoice.Status = to;
    }

    private static BillingDecision Illegal(Invoice invoice, string step, string stepEn) =>
        BillingDecision.Refused(BillingRefusal.IllegalTransition,
            $"账单{Chinese(invoice.Status)}，不能{step}。",
            $"The bill is {invoice.Status}, so it cannot {stepEn}.");
}
