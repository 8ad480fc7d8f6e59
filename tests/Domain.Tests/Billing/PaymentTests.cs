using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class PaymentTests
{
    private static readonly DateTimeOffset Paid = Booked.AddMinutes(1);

    [Fact]
    public void StartingToPayOpensAWeChatOrderNamedAfterTheInvoice()
    {
        var invoice = Created();

        var decision = InvoiceMachine.StartPaying(invoice, Booked + Hold, "patient:8000000042", Booked);

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.True(decision.Changed);
        Assert.Equal("R20261203000042-P001", decision.Attempt!.OutTradeNo);
        Assert.Equal(Booked + Hold, decision.Attempt.ExpiresAt);
        Assert.Equal(InvoiceStatus.Paying, invoice.Status);
        var transition = invoice.Transitions[^1];
        Assert.Equal((InvoiceStatus?)InvoiceStatus.Unpaid, transition.From);
        Assert.Equal(InvoiceStatus.Paying, transition.To);
        Assert.Equal("patient:8000000042", transition.By);
    }

    [Fact]
    public void StartingAgainWhileTheOrderIsOpenReturnsTheSameOrder()
    {
        var invoice = Paying();
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.StartPaying(invoice, Booked.AddMinutes(30), "patient:8000000042", Booked.AddMinutes(14));

        Assert.Equal(BillingOutcome.AlreadyDone, decision.Outcome);
        Assert.False(decision.Changed);
        Assert.Equal("R20261203000042-P001", decision.Attempt!.OutTradeNo);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void StartingAgainOnceTheOrderExpiredOpensTheNextOrder()
    {
        var invoice = Paying();
        var transitions = invoice.Transitions.Count;

        var decision = InvoiceMachine.StartPaying(invoice, Booked + Hold + Hold, "patient:8000000042", Booked + Hold);

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.Equal("R20261203000042-P002", decision.Attempt!.OutTradeNo);
        Assert.Equal(2, invoice.Attempts.Count);
        Assert.Equal(InvoiceStatus.Paying, invoice.Status);
        Assert.Equal(transitions, invoice.Transitions.Count);
    }

    [Fact]
    public void RefusesAnOrderThatWouldExpireAtOnce()
    {
        var invoice = Created();
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.StartPaying(invoice, Booked, "patient:8000000042", Booked);

        Assert.Equal(BillingRefusal.Invalid, decision.Refusal);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void AWeChatPaymentOfTheTotalPaysTheInvoice()
    {
        var invoice = Paying();

        var decision = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001", at: Paid), Paid);

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        var payment = Assert.Single(invoice.Payments);
        Assert.Same(payment, decision.Payment);
        Assert.Equal(PaymentChannel.WeChat, payment.Channel);
        Assert.Equal(Fee, payment.AmountFen);
        Assert.Equal("4200000001", payment.TransactionId);
        Assert.Equal("R20261203000042-P001", payment.OutTradeNo);
        Assert.Equal(Paid, payment.PaidAt);
        Assert.Equal("system:wechat-pay", payment.By);
        Assert.Equal(PaymentDisposition.Settles, payment.Disposition);
        Assert.Equal(Fee, invoice.PaidFen());
        Assert.Equal(InvoiceStatus.Paid, invoice.Transitions[^1].To);
        Assert.Equal((InvoiceStatus?)InvoiceStatus.Paying, invoice.Transitions[^1].From);
    }

    [Fact]
    public void ConfirmingTheSamePaymentAgainChangesNothing()
    {
        var invoice = PaidByWeChat();
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001", at: Paid), Paid.AddMinutes(5));

        Assert.Equal(BillingOutcome.AlreadyDone, decision.Outcome);
        Assert.False(decision.Changed);
        Assert.Same(invoice.Payments[0], decision.Payment);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void RefusesTheSameTransactionIdWithAnotherAmount()
    {
        var invoice = PaidByWeChat();
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001", amount: Fee - 1), Paid);

        Assert.Equal(BillingRefusal.TransactionIdReused, decision.Refusal);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Theory]
    [InlineData(Fee - 1)]
    [InlineData(Fee + 1)]
    public void RefusesAPaymentThatIsNotTheTotal(long amount)
    {
        var invoice = Paying();
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001", amount: amount), Paid);

        Assert.Equal(BillingRefusal.AmountMismatch, decision.Refusal);
        Assert.False(decision.Changed);
        Assert.Equal(InvoiceStatus.Paying, invoice.Status);
        Assert.Equal(before, Snapshot(invoice));
        Assert.Contains("¥50.00", decision.Detail);
    }

    [Fact]
    public void RefusesAWeChatPaymentForAnOrderThatIsNotTheInvoices()
    {
        var invoice = Paying();

        var decision = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001", outTradeNo: "R20261203000099-P001"), Paid);

        Assert.Equal(BillingRefusal.UnknownPaymentOrder, decision.Refusal);
        Assert.Empty(invoice.Payments);
    }

    [Fact]
    public void AWeChatPaymentMustNameItsOrderAndAWindowPaymentMustNot()
    {
        var invoice = Paying();

        Assert.Equal(BillingRefusal.Invalid, InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001") with { OutTradeNo = null }, Paid).Refusal);
        Assert.Equal(BillingRefusal.Invalid, InvoiceMachine.ConfirmPayment(invoice, Window(PaymentChannel.Cash, "W1", Fee, Paid) with { OutTradeNo = "R20261203000042-P001" }, Paid).Refusal);
        Assert.Empty(invoice.Payments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5000)]
    public void RefusesAPaymentOfNothing(long amount)
    {
        var invoice = Created();

        Assert.Equal(BillingRefusal.Invalid, InvoiceMachine.ConfirmPayment(invoice, Window(PaymentChannel.Cash, "W1", amount, Paid), Paid).Refusal);
    }

    [Theory]
    [InlineData(PaymentChannel.Cash)]
    [InlineData(PaymentChannel.Card)]
    public void AClerkTakesCashOrACardStraightFromUnpaid(PaymentChannel channel)
    {
        var invoice = Created();

        var decision = InvoiceMachine.ConfirmPayment(invoice, Window(channel, "W0001", Fee, Paid), Paid);

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(channel, invoice.Settlement()!.Channel);
        Assert.Null(invoice.Settlement()!.OutTradeNo);
        Assert.Equal("clerk:w03", invoice.Transitions[^1].By);
    }

    [Fact]
    public void APaymentOnAnEarlierExpiredOrderStillPaysAnInvoiceThatIsPaying()
    {
        var invoice = Paying();
        InvoiceMachine.StartPaying(invoice, Booked.AddMinutes(45), "patient:8000000042", Booked.AddMinutes(20));

        var decision = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001", outTradeNo: "R20261203000042-P001"), Booked.AddMinutes(21));

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void ASecondPaymentIsRecordedAndRefundedTheWayItCame()
    {
        var invoice = PaidByWeChat();

        var decision = InvoiceMachine.ConfirmPayment(invoice, Window(PaymentChannel.Cash, "W0009", Fee, Paid.AddMinutes(3)), Paid.AddMinutes(3));

        Assert.Equal(BillingOutcome.PaidTwice, decision.Outcome);
        Assert.True(decision.RefundRequired);
        Assert.False(decision.Succeeded);
        Assert.True(decision.Changed);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(2, invoice.Payments.Count);
        Assert.Equal(PaymentDisposition.PaidTwice, decision.Payment!.Disposition);
        Assert.Equal("4200000001", invoice.Settlement()!.TransactionId);
        var refund = Assert.Single(invoice.Refunds);
        Assert.Same(refund, decision.Refund);
        Assert.Equal(RefundState.Pending, refund.State);
        Assert.Equal(Fee, refund.AmountFen);
        Assert.Equal(PaymentChannel.Cash, refund.Channel);
        Assert.Equal("W0009", refund.PaymentTransactionId);
        Assert.Equal("R20261203000042-R001", refund.OutRefundNo);
        Assert.Null(refund.RequestedVia);
        Assert.Equal("system:paid-twice", refund.RequestedBy);
        Assert.Equal("账单已支付，重复支付的 ¥50.00 将以现金退还。", decision.Detail);
        // The second payment neither counts as paid nor reserves anything of the first.
        Assert.Equal(Fee, invoice.PaidFen());
        Assert.Equal(Fee, invoice.RefundableFen());
    }

    [Fact]
    public void ASecondWeChatPaymentGoesBackToWeChat()
    {
        var invoice = PaidByWeChat();

        var decision = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000002"), Paid.AddMinutes(2));

        Assert.Equal(BillingOutcome.PaidTwice, decision.Outcome);
        Assert.Equal(PaymentChannel.WeChat, decision.Refund!.Channel);
        Assert.Equal("4200000002", decision.Refund.PaymentTransactionId);
    }

    [Fact]
    public void ReportingTheSecondPaymentAgainReturnsTheSameRefund()
    {
        var invoice = PaidByWeChat();
        var first = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000002"), Paid.AddMinutes(2));
        var before = Snapshot(invoice);

        var again = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000002"), Paid.AddMinutes(4));

        Assert.Equal(BillingOutcome.PaidTwice, again.Outcome);
        Assert.False(again.Changed);
        Assert.Same(first.Refund, again.Refund);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void APaymentArrivingAfterCloseIsRecordedAndRefunded()
    {
        var invoice = Paying();
        InvoiceMachine.Close(invoice, "支付超时，号源已释放", "system:payment-deadline", Booked + Hold);

        var decision = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000001", at: Booked + Hold), Booked + Hold + TimeSpan.FromSeconds(3));

        Assert.Equal(BillingOutcome.ArrivedAfterClose, decision.Outcome);
        Assert.True(decision.RefundRequired);
        Assert.Equal(InvoiceStatus.Closed, invoice.Status);
        Assert.Equal(PaymentDisposition.ArrivedAfterClose, decision.Payment!.Disposition);
        Assert.Equal(Fee, decision.Refund!.AmountFen);
        Assert.Equal(PaymentChannel.WeChat, decision.Refund.Channel);
        Assert.Equal("system:after-close", decision.Refund.RequestedBy);
        Assert.Null(invoice.Settlement());
        Assert.Equal("账单已关闭，关闭后到账的 ¥50.00 将原路退回微信。", decision.Detail);
    }

    [Fact]
    public void ARefundedSurplusLeavesTheInvoiceAsItWas()
    {
        var invoice = PaidByWeChat();
        var refund = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000002"), Paid.AddMinutes(2)).Refund!;

        var decision = InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, "503000001", Paid.AddMinutes(3), "system:wechat-pay", Paid.AddMinutes(3));

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.Equal(RefundState.Succeeded, refund.State);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(0, invoice.RefundedFen());
    }

    [Fact]
    public void ClosingAnUnpaidInvoiceIsRecorded()
    {
        var invoice = Created();

        var decision = InvoiceMachine.Close(invoice, "医生撤销账单", "doctor:D007", Booked.AddHours(1));

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.Null(decision.Attempt);
        Assert.Equal(InvoiceStatus.Closed, invoice.Status);
        var transition = invoice.Transitions[^1];
        Assert.Equal((InvoiceStatus?)InvoiceStatus.Unpaid, transition.From);
        Assert.Equal(InvoiceStatus.Closed, transition.To);
        Assert.Equal("医生撤销账单", transition.Reason);
        Assert.Equal("doctor:D007", transition.By);
        Assert.Equal(Booked.AddHours(1), transition.At);
    }

    [Fact]
    public void ClosingAPayingInvoiceNamesTheOrderToCloseAtTheProvider()
    {
        var invoice = Paying();

        var decision = InvoiceMachine.Close(invoice, "支付超时", "system:payment-deadline", Booked + Hold);

        Assert.Equal("R20261203000042-P001", decision.Attempt!.OutTradeNo);
        Assert.Equal(InvoiceStatus.Closed, invoice.Status);
    }

    [Fact]
    public void ClosingTwiceChangesNothing()
    {
        var invoice = Created();
        InvoiceMachine.Close(invoice, "撤销", "doctor:D007", Booked);
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.Close(invoice, "撤销", "doctor:D007", Booked.AddMinutes(1));

        Assert.Equal(BillingOutcome.AlreadyDone, decision.Outcome);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void ClosingNeedsAReason()
    {
        var invoice = Created();

        Assert.Equal(BillingRefusal.Invalid, InvoiceMachine.Close(invoice, " ", "doctor:D007", Booked).Refusal);
        Assert.Equal(InvoiceStatus.Unpaid, invoice.Status);
    }

    [Fact]
    public void AFapiaoIsRecordedOnceForAPaidInvoice()
    {
        var invoice = PaidByWeChat();
        var at = Local(VisitDay, 9, 0);

        Assert.Equal(BillingOutcome.Done, InvoiceMachine.IssueFapiao(invoice, "26440000000012345678", "clerk:w03", at).Outcome);
        Assert.Equal(BillingOutcome.AlreadyDone, InvoiceMachine.IssueFapiao(invoice, "26440000000012345678", "clerk:w03", at.AddMinutes(1)).Outcome);
        Assert.Equal(BillingRefusal.FapiaoAlreadyIssued, InvoiceMachine.IssueFapiao(invoice, "26440000000012345679", "clerk:w03", at.AddMinutes(2)).Refusal);

        Assert.Equal("26440000000012345678", invoice.FapiaoNumber);
        Assert.Equal(at, invoice.FapiaoIssuedAt);
        Assert.Equal("clerk:w03", invoice.FapiaoIssuedBy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2644 0000")]
    [InlineData("123456789012345678901234567890123")]
    public void RefusesAMalformedFapiaoNumber(string number)
    {
        var invoice = PaidByWeChat();

        Assert.Equal(BillingRefusal.Invalid, InvoiceMachine.IssueFapiao(invoice, number, "clerk:w03", Booked).Refusal);
        Assert.Null(invoice.FapiaoNumber);
    }
}
