using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class RefundRequestTests
{
    private static readonly DateTimeOffset DayBefore = Local(2026, 12, 2, 10, 0);
    private static readonly DateTimeOffset VisitMorning = Local(VisitDay, 10, 0);
    private const string Fapiao = "26440000000012345678";

    [Fact]
    public void ARefundIsPendingUntilTheMoneyGoesBack()
    {
        var invoice = PaidByWeChat();

        var decision = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Phone), DayBefore);

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.True(decision.Changed);
        var refund = Assert.Single(invoice.Refunds);
        Assert.Same(refund, decision.Refund);
        Assert.Equal("R20261203000042-R001", refund.OutRefundNo);
        Assert.Equal(RefundState.Pending, refund.State);
        Assert.Equal(RefundChannel.Phone, refund.RequestedVia);
        Assert.Equal(PaymentChannel.WeChat, refund.Channel);
        Assert.Equal("4200000001", refund.PaymentTransactionId);
        Assert.Equal("患者取消预约", refund.Reason);
        Assert.Equal(DayBefore, refund.RequestedAt);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.True(decision.Rule!.Allowed);
        Assert.Equal(Fee, invoice.PendingRefundFen());
        Assert.Equal(0, invoice.RefundableFen());
    }

    [Fact]
    public void PartialRefundsAddingUpToThePaymentRefundTheInvoice()
    {
        var invoice = PaidByWeChat();

        Refunded(invoice, 2000, RefundChannel.Window, VisitMorning);
        Assert.Equal(InvoiceStatus.PartlyRefunded, invoice.Status);
        Assert.Equal(2000, invoice.RefundedFen());

        Refunded(invoice, 1000, RefundChannel.Window, VisitMorning.AddHours(1));
        Assert.Equal(InvoiceStatus.PartlyRefunded, invoice.Status);

        Refunded(invoice, 2000, RefundChannel.Window, VisitMorning.AddHours(2));
        Assert.Equal(InvoiceStatus.Refunded, invoice.Status);
        Assert.Equal(Fee, invoice.RefundedFen());
        Assert.Equal(0, invoice.RefundableFen());
        Assert.Equal(["R20261203000042-R001", "R20261203000042-R002", "R20261203000042-R003"], invoice.Refunds.Select(r => r.OutRefundNo));
    }

    [Fact]
    public void NeverRefundsMoreThanWasPaid()
    {
        var invoice = PaidByWeChat();
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee + 1, RefundChannel.Window), VisitMorning);

        Assert.Equal(BillingRefusal.ExceedsRefundable, decision.Refusal);
        Assert.Equal("最多可退 ¥50.00（已付 ¥50.00，已退或退款中 ¥0.00）。", decision.Detail);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void NeverRefundsMoreThanIsLeftAfterEarlierRefunds()
    {
        var invoice = PaidByWeChat();
        Refunded(invoice, 3000, RefundChannel.Window, VisitMorning);

        Assert.Equal(BillingRefusal.ExceedsRefundable, InvoiceMachine.RequestRefund(invoice, Refund(invoice, 2001, RefundChannel.Window), VisitMorning).Refusal);
        Assert.Equal(BillingOutcome.Done, InvoiceMachine.RequestRefund(invoice, Refund(invoice, 2000, RefundChannel.Window), VisitMorning).Outcome);
    }

    [Fact]
    public void PendingRefundsReserveTheirAmount()
    {
        var invoice = PaidByWeChat();
        Succeeds(InvoiceMachine.RequestRefund(invoice, Refund(invoice, 3000, RefundChannel.Window), VisitMorning));

        var tooMuch = InvoiceMachine.RequestRefund(invoice, Refund(invoice, 2001, RefundChannel.Window), VisitMorning);
        var rest = InvoiceMachine.RequestRefund(invoice, Refund(invoice, 2000, RefundChannel.Window), VisitMorning);
        var nothingLeft = InvoiceMachine.RequestRefund(invoice, Refund(invoice, 1, RefundChannel.Window), VisitMorning);

        Assert.Equal(BillingRefusal.ExceedsRefundable, tooMuch.Refusal);
        Assert.Equal(BillingOutcome.Done, rest.Outcome);
        Assert.Equal(BillingRefusal.NothingToRefund, nothingLeft.Refusal);
        Assert.Equal(Fee, invoice.PendingRefundFen());
    }

    [Fact]
    public void AFailedRefundFreesItsAmount()
    {
        var invoice = PaidByWeChat();
        var first = Succeeds(InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Window), VisitMorning)).Refund!;

        var failed = InvoiceMachine.RefundFailed(invoice, first.OutRefundNo, "ABNORMAL: 用户银行卡已注销", "system:wechat-pay", VisitMorning.AddMinutes(5));
        var again = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Window), VisitMorning.AddMinutes(6));

        Assert.Equal(BillingOutcome.Done, failed.Outcome);
        Assert.Equal(RefundState.Failed, first.State);
        Assert.Equal("ABNORMAL: 用户银行卡已注销", first.FailureReason);
        Assert.Equal(VisitMorning.AddMinutes(5), first.FinishedAt);
        Assert.Equal(BillingOutcome.Done, again.Outcome);
        Assert.Equal("R20261203000042-R002", again.Refund!.OutRefundNo);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void AClosedRefundFreesItsAmount()
    {
        var invoice = PaidAtWindow(PaymentChannel.Cash, VisitMorning);
        var first = Succeeds(InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Window), VisitMorning)).Refund!;

        InvoiceMachine.RefundClosed(invoice, first.OutRefundNo, "患者改变主意", "clerk:w03", VisitMorning.AddMinutes(1));

        Assert.Equal(RefundState.Closed, first.State);
        Assert.Equal(Fee, invoice.RefundableFen());
    }

    [Fact]
    public void TheSameRefundNumberWithTheSameAmountReturnsTheRefundAlreadyMade()
    {
        var invoice = PaidByWeChat();
        var request = Refund(invoice, 2000, RefundChannel.Window);
        var first = InvoiceMachine.RequestRefund(invoice, request, VisitMorning);
        var before = Snapshot(invoice);

        var again = InvoiceMachine.RequestRefund(invoice, request, VisitMorning.AddSeconds(2));

        Assert.Equal(BillingOutcome.AlreadyDone, again.Outcome);
        Assert.False(again.Changed);
        Assert.Same(first.Refund, again.Refund);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void TheSameRefundNumberIsHonouredEvenAfterTheRulesWouldRefuse()
    {
        var invoice = PaidByWeChat();
        var request = Refund(invoice, Fee, RefundChannel.Phone);
        var first = InvoiceMachine.RequestRefund(invoice, request, Local(2026, 12, 2, 23, 59, 59));

        var retry = InvoiceMachine.RequestRefund(invoice, request, Local(VisitDay, 0, 0, 1));

        Assert.Equal(BillingOutcome.AlreadyDone, retry.Outcome);
        Assert.Same(first.Refund, retry.Refund);
    }

    [Fact]
    public void TheSameRefundNumberWithAnotherAmountIsRefused()
    {
        var invoice = PaidByWeChat();
        var request = Refund(invoice, 2000, RefundChannel.Window);
        InvoiceMachine.RequestRefund(invoice, request, VisitMorning);
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.RequestRefund(invoice, request with { AmountFen = 1000 }, VisitMorning);

        Assert.Equal(BillingRefusal.RefundNumberReused, decision.Refusal);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void RefusesARefundNumberOfAnotherInvoice()
    {
        var invoice = PaidByWeChat();

        var decision = InvoiceMachine.RequestRefund(invoice, Refund(invoice, 1000, RefundChannel.Window, outRefundNo: "R20261203000099-R001"), VisitMorning);

        Assert.Equal(BillingRefusal.Invalid, decision.Refusal);
        Assert.Empty(invoice.Refunds);
    }

    [Fact]
    public void ARefundNeedsAReason()
    {
        var invoice = PaidByWeChat();

        var decision = InvoiceMachine.RequestRefund(invoice, Refund(invoice, 1000, RefundChannel.Finance) with { Reason = "  " }, VisitMorning);

        Assert.Equal(BillingRefusal.Invalid, decision.Refusal);
    }

    [Fact]
    public void ARefundTheRulesRefuseSaysWhichRule()
    {
        var invoice = PaidByWeChat();
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Phone), VisitMorning);

        Assert.Equal(BillingRefusal.RefundNotAllowed, decision.Refusal);
        Assert.Equal(RefundRefusal.PhoneClosedFromVisitDay, decision.Rule!.Refusal);
        Assert.Equal(decision.Rule.Detail, decision.Detail);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Theory]
    [InlineData(PaymentChannel.WeChat)]
    [InlineData(PaymentChannel.Cash)]
    [InlineData(PaymentChannel.Card)]
    public void MoneyGoesBackTheWayItCame(PaymentChannel channel)
    {
        var invoice = channel == PaymentChannel.WeChat ? PaidByWeChat() : PaidAtWindow(channel);

        var window = InvoiceMachine.RequestRefund(invoice, Refund(invoice, 1000, RefundChannel.Window), VisitMorning);
        var finance = InvoiceMachine.RequestRefund(invoice, Refund(invoice, 1000, RefundChannel.Finance), Local(2027, 3, 1, 10, 0));

        Assert.Equal(channel, window.Refund!.Channel);
        Assert.Equal(channel, window.Rule!.Channel);
        Assert.Equal(channel, finance.Refund!.Channel);
    }

    [Fact]
    public void AfterAFapiaoTheWindowRefundsOnlyAgainstThatFapiao()
    {
        var invoice = PaidByWeChat();
        InvoiceMachine.IssueFapiao(invoice, Fapiao, "clerk:w03", VisitMorning);

        var without = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Window), VisitMorning);
        var wrong = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Window, fapiao: "26440000000012345679"), VisitMorning);
        var phone = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Phone, fapiao: Fapiao), VisitMorning);
        var right = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Window, fapiao: Fapiao), VisitMorning);

        Assert.Equal(BillingRefusal.FapiaoRequired, without.Refusal);
        Assert.Equal("该费用已开具发票 26440000000012345678，退费须交回该发票。", without.Detail);
        Assert.Equal(BillingRefusal.FapiaoRequired, wrong.Refusal);
        Assert.Equal(BillingRefusal.RefundNotAllowed, phone.Refusal);
        Assert.Equal(BillingOutcome.Done, right.Outcome);
        Assert.Equal(Fapiao, right.Refund!.FapiaoNumber);
    }

    [Fact]
    public void ASurplusPaymentWhoseRefundFailedIsRefundedAgainByFinanceOnly()
    {
        var invoice = PaidByWeChat();
        var surplus = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000002"), Booked.AddMinutes(3)).Refund!;
        InvoiceMachine.RefundFailed(invoice, surplus.OutRefundNo, "ABNORMAL", "system:wechat-pay", Booked.AddMinutes(4));

        var window = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Window, payment: "4200000002"), VisitMorning);
        var finance = InvoiceMachine.RequestRefund(invoice, Refund(invoice, Fee, RefundChannel.Finance, payment: "4200000002"), Local(2027, 1, 15, 10, 0));

        Assert.Equal(BillingRefusal.RefundNotAllowed, window.Refusal);
        Assert.Equal(BillingOutcome.Done, finance.Outcome);
        Assert.Equal("4200000002", finance.Refund!.PaymentTransactionId);
        Assert.Equal(PaymentChannel.WeChat, finance.Refund.Channel);
        Assert.Null(finance.Rule);
        // The settling payment is untouched.
        Assert.Equal(Fee, invoice.RefundableFen());
    }

    [Fact]
    public void RefusesARefundOfAPaymentTheInvoiceDoesNotHave()
    {
        var invoice = PaidByWeChat();

        Assert.Equal(BillingRefusal.UnknownPayment, InvoiceMachine.RequestRefund(invoice, Refund(invoice, 100, RefundChannel.Finance, payment: "4299999999"), VisitMorning).Refusal);
    }

    [Fact]
    public void NumbersTheNextRefundAfterTheLast()
    {
        var invoice = PaidByWeChat();

        Assert.Equal("R20261203000042-R001", InvoiceMachine.NextOutRefundNo(invoice));
        InvoiceMachine.RequestRefund(invoice, Refund(invoice, 100, RefundChannel.Window), VisitMorning);
        Assert.Equal("R20261203000042-R002", InvoiceMachine.NextOutRefundNo(invoice));
    }
}
