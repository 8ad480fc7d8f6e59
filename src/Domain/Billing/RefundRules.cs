using HospitalOrleans.Domain.Time;
using static HospitalOrleans.Domain.Billing.BillingText;

namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// Where and until when money may be given back. Pure: the verdict depends only on the invoice,
/// the channel asked at, and <c>now</c> read as a hospital-time (UTC+8) date.
/// </summary>
/// <remarks>
/// <para>Counted from the invoice's <see cref="Invoice.VisitDate"/>: the booking's date for a
/// registration fee; the issue date for a consultation-room bill, which has no visit day of its
/// own (so it is never refundable on the phone: it is issued on the day of the visit).</para>
/// <list type="bullet">
/// <item>Phone: until 23:59:59 of the day before the visit day, for money paid by WeChat and with
/// no fapiao issued. From 00:00 of the visit day, never.</item>
/// <item>Window: until 23:59:59 of the third day after the visit day, whatever the channel of the
/// payment, with or without a fapiao, and also before the visit day (cash and card paid in advance
/// can only go back over the counter, and a patient at the counter is not sent back to the phone).</item>
/// <item>Fapiao issued: the window only, at any time until the window period ends, against that fapiao.</item>
/// <item>Finance: always, with a written reason kept in the audit; after the window period it is the
/// only way, for the cases the rules did not foresee (a wrong charge found late, a complaint).</item>
/// <item>Inpatient deposits: never on the phone; the window (inpatient office) at any time, since a
/// deposit is settled at discharge, weeks later; finance always.</item>
/// </list>
/// <para>Whatever the channel asked at, the money goes back the way it came: <see cref="RefundDecision.Channel"/>
/// is the channel of the payment that settled the invoice.</para>
/// </remarks>
public static class RefundRules
{
    /// <summary>Window refunds run until the end of this many days after the visit day.</summary>
    public const int WindowDaysAfterVisit = 3;

    public static RefundDecision Decide(Invoice invoice, RefundChannel requestedAt, DateTimeOffset now)
    {
        var visit = invoice.VisitDate;
        var deposit = invoice.Source == InvoiceSource.InpatientDeposit;
        DateOnly? lastWindowDay = deposit ? null : visit.AddDays(WindowDaysAfterVisit);
        var paid = invoice.Settlement();
        if (paid is null)
            return new(false, RefundRefusal.NotPaid, null, visit, lastWindowDay,
                "该费用尚未支付，无需退费。", "Nothing has been paid for this bill, so there is nothing to refund.");

        var channel = paid.Channel;
        var back = $"费用{BackTo(channel)}。";
        var backEn = $"The money goes back {BackToEn(channel)}, the way it was paid.";

        if (requestedAt == RefundChannel.Finance)
            return Allow("财务退费须写明原因并记入审计；" + back, "A finance refund needs a written reason and is audited. " + backEn);

        if (deposit)
            return requestedAt == RefundChannel.Window
                ? Allow("住院押金可在住院处窗口退还；" + back, "A deposit is refunded at the inpatient office window. " + backEn)
                : Refuse(RefundRefusal.DepositNotByPhone,
                    "住院押金不能在网上退，请到住院处窗口办理。",
                    "A deposit cannot be refunded on the phone; please go to the inpatient office window.");

        var today = HospitalTime.Today(now);
        var last = visit.AddDays(WindowDaysAfterVisit);
        if (today > last)
            return Refuse(RefundRefusal.WindowPeriodOver,
                $"就诊日（{LongDate(visit)}）后三天内可到窗口退费，办理期限已于 {LongDate(last)} 结束；如确需退费，请联系财务科。",
                $"Refunds are possible at a window until the third day after the visit day ({IsoDate(visit)}), which was {IsoDate(last)}; for a refund now, please contact the finance office.");

        if (requestedAt == RefundChannel.Window)
            return Allow($"可在窗口退费（截至 {LongDate(last)}）；" + back, $"A refund can be made at a window until {IsoDate(last)}. " + backEn);

        if (invoice.FapiaoNumber is not null)
            return Refuse(RefundRefusal.FapiaoWindowOnly,
                $"该费用已开具发票，只能凭发票到窗口退费，请于 {LongDate(last)}（含）前办理。",
                $"A fapiao has been issued for this bill, so it can only be refunded at a window against the fapiao, by {IsoDate(last)} inclusive.");

        if (today >= visit)
            return Refuse(RefundRefusal.PhoneClosedFromVisitDay,
                $"就诊日（{LongDate(visit)}）起网上不能退费，请于 {LongDate(last)}（含）前到窗口办理。",
                $"From the visit day ({IsoDate(visit)}) refunds cannot be made on the phone; please go to a payment window by {IsoDate(last)} inclusive.");

        if (channel != PaymentChannel.WeChat)
            return Refuse(RefundRefusal.PhoneCannotReturnCashOrCard,
                $"该费用{PaidBy(channel)}，只能{BackTo(channel)}，请于 {LongDate(last)}（含）前到窗口办理。",
                $"This bill was paid {PaidByEn(channel)} and goes back the same way, so please go to a payment window by {IsoDate(last)} inclusive.");

        return Allow($"就诊日（{LongDate(visit)}）前可在网上退费；" + back,
            $"Before the visit day ({IsoDate(visit)}) a refund can be made on the phone. " + backEn);

        RefundDecision Allow(string detail, string detailEn) => new(true, null, channel, visit, lastWindowDay, detail, detailEn);

        RefundDecision Refuse(RefundRefusal refusal, string detail, string detailEn) =>
            new(false, refusal, channel, visit, lastWindowDay, detail, detailEn);
    }
}
