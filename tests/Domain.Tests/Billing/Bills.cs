using System.Text.Json;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Tests.Billing;

/// <summary>
/// Invoices in known states, all times explicit and in hospital time: a ¥50.00 registration fee for
/// the booking D007-20261203-AM-012 (visit Thursday 2026-12-03), booked and paid on 2026-11-27.
/// </summary>
internal static class Bills
{
    public const string InvoiceId = "R20261203000042";
    public const string PatientId = "8000000042";
    public const string BookingId = "D007-20261203-AM-012";
    public const long Fee = 5000;
    public static readonly DateOnly VisitDay = new(2026, 12, 3);
    public static readonly DateTimeOffset Booked = Local(2026, 11, 27, 9, 0);
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);
    public static readonly InvoiceItem RegistrationFee = new("REG-CHIEF", "主任医师挂号费", 1, Fee);

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, HospitalTime.Offset);

    public static DateTimeOffset Local(DateOnly day, int hour, int minute, int second = 0) =>
        HospitalTime.At(day, new TimeOnly(hour, minute, second));

    public static NewInvoice Draft(string id = InvoiceId, InvoiceSource source = InvoiceSource.Registration, string? bookingId = BookingId, params InvoiceItem[] items) =>
        new(id, PatientId, source, items.Length == 0 ? [RegistrationFee] : items, "system:booking", bookingId);

    public static Invoice Created(string id = InvoiceId, DateTimeOffset? at = null) =>
        InvoiceMachine.Create(Draft(id), at ?? Booked).Invoice ?? throw new InvalidOperationException("The test invoice was refused.");

    /// <summary>A consultation-room bill: a blood count at ¥25.00 and two boxes of amoxicillin at ¥18.30, ¥61.60 in all.</summary>
    public static Invoice Consultation(DateTimeOffset issuedAt, string id = "C20261203000007") =>
        InvoiceMachine.Create(Draft(id, InvoiceSource.ConsultationRoom, null,
            new InvoiceItem("LAB-CBC", "血常规", 1, 2500), new InvoiceItem("DRUG-AMOX-0.25", "阿莫西林胶囊 0.25g×24", 2, 1830)), issuedAt).Invoice
        ?? throw new InvalidOperationException("The test bill was refused.");

    public static Invoice Paying(DateTimeOffset? at = null)
    {
        var invoice = Created(at: at);
        var now = at ?? Booked;
        Succeeds(InvoiceMachine.StartPaying(invoice, now + Hold, "patient:8000000042", now));
        return invoice;
    }

    public static Invoice PaidByWeChat(DateTimeOffset? at = null)
    {
        var now = at ?? Booked;
        var invoice = Paying(now);
        Succeeds(InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001", at: now.AddMinutes(1)), now.AddMinutes(1)));
        return invoice;
    }

    public static Invoice PaidAtWindow(PaymentChannel channel, DateTimeOffset? at = null)
    {
        var now = at ?? Booked;
        var invoice = Created(at: now);
        Succeeds(InvoiceMachine.ConfirmPayment(invoice, Window(channel, "W0001", invoice.TotalFen, now), now));
        return invoice;
    }

    public static PaymentReport WeChat(Invoice invoice, string transactionId, long? amount = null, DateTimeOffset? at = null, string? outTradeNo = null) =>
        new(PaymentChannel.WeChat, amount ?? invoice.TotalFen, transactionId, at ?? Booked.AddMinutes(1), "system:wechat-pay",
            outTradeNo ?? invoice.CurrentAttempt()?.OutTradeNo ?? OutTradeNo.For(invoice.InvoiceId, 1));

    public static PaymentReport Window(PaymentChannel channel, string transactionId, long amount, DateTimeOffset at, string by = "clerk:w03") =>
        new(channel, amount, transactionId, at, by);

    public static RefundRequest Refund(Invoice invoice, long amount, RefundChannel via, string? outRefundNo = null, string? fapiao = null, string? payment = null) =>
        new(outRefundNo ?? InvoiceMachine.NextOutRefundNo(invoice), amount, via, "患者取消预约", via == RefundChannel.Phone ? "patient:8000000042" : "clerk:w03", fapiao, payment);

    /// <summary>Requests and completes a refund; returns it.</summary>
    public static Refund Refunded(Invoice invoice, long amount, RefundChannel via, DateTimeOffset now, string? fapiao = null)
    {
        var refund = Succeeds(InvoiceMachine.RequestRefund(invoice, Refund(invoice, amount, via, fapiao: fapiao), now)).Refund!;
        var providerId = refund.Channel == PaymentChannel.WeChat ? "50300000" + refund.OutRefundNo[^3..] : null;
        var by = refund.Channel == PaymentChannel.WeChat ? "system:wechat-pay" : "clerk:w03";
        Succeeds(InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, providerId, now.AddMinutes(1), by, now.AddMinutes(1)));
        return refund;
    }

    public static BillingDecision Succeeds(BillingDecision decision)
    {
        Assert.True(decision.Succeeded, $"{decision.Outcome} {decision.Refusal}: {decision.DetailEn}");
        return decision;
    }

    /// <summary>The whole invoice as JSON, to show a refused step changed nothing.</summary>
    public static string Snapshot(Invoice invoice) => JsonSerializer.Serialize(invoice);
}
