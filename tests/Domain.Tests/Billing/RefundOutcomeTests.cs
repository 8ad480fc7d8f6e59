using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class RefundOutcomeTests
{
    private static readonly DateTimeOffset VisitMorning = Local(VisitDay, 10, 0);

    private static (Invoice Invoice, Refund Refund) Pending(PaymentChannel channel = PaymentChannel.WeChat, long amount = Fee)
    {
        var invoice = channel == PaymentChannel.WeChat ? PaidByWeChat() : PaidAtWindow(channel);
        var refund = Succeeds(InvoiceMachine.RequestRefund(invoice, Refund(invoice, amount, RefundChannel.Window), VisitMorning)).Refund!;
        return (invoice, refund);
    }

    [Fact]
    public void AWeChatRefundSucceedsWithTheProvidersRefundId()
    {
        var (invoice, refund) = Pending();
        var finished = VisitMorning.AddMinutes(2);

        var decision = InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, "50300000001", finished, "system:wechat-pay", finished.AddSeconds(1));

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.Equal(RefundState.Succeeded, refund.State);
        Assert.Equal("50300000001", refund.ProviderRefundId);
        Assert.Equal(finished, refund.FinishedAt);
        Assert.Equal("system:wechat-pay", refund.FinishedBy);
        Assert.Equal(InvoiceStatus.Refunded, invoice.Status);
        Assert.Equal(finished.AddSeconds(1), invoice.Transitions[^1].At);
    }

    [Fact]
    public void AWeChatRefundCannotSucceedWithoutTheProvidersRefundId()
    {
        var (invoice, refund) = Pending();

        var decision = InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, null, VisitMorning, "system:wechat-pay", VisitMorning);

        Assert.Equal(BillingRefusal.Invalid, decision.Refusal);
        Assert.Equal(RefundState.Pending, refund.State);
    }

    [Fact]
    public void ACashRefundSucceedsWhenTheClerkHandsTheMoneyBack()
    {
        var (invoice, refund) = Pending(PaymentChannel.Cash, 2000);

        var decision = InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, null, VisitMorning, "clerk:w03", VisitMorning);

        Assert.Equal(BillingOutcome.Done, decision.Outcome);
        Assert.Equal(InvoiceStatus.PartlyRefunded, invoice.Status);
        Assert.Equal("clerk:w03", refund.FinishedBy);
    }

    [Fact]
    public void ReportingTheSameSuccessAgainChangesNothing()
    {
        var (invoice, refund) = Pending();
        InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, "50300000001", VisitMorning, "system:wechat-pay", VisitMorning);
        var before = Snapshot(invoice);

        var again = InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, "50300000001", VisitMorning, "system:wechat-pay", VisitMorning.AddMinutes(1));
        var otherId = InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, "50300000002", VisitMorning, "system:wechat-pay", VisitMorning.AddMinutes(1));

        Assert.Equal(BillingOutcome.AlreadyDone, again.Outcome);
        Assert.Equal(BillingRefusal.RefundFinal, otherId.Refusal);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void AFailedRefundCannotSucceedLater()
    {
        var (invoice, refund) = Pending();
        InvoiceMachine.RefundFailed(invoice, refund.OutRefundNo, "ABNORMAL", "system:wechat-pay", VisitMorning);
        var before = Snapshot(invoice);

        var decision = InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, "50300000001", VisitMorning, "system:wechat-pay", VisitMorning);

        Assert.Equal(BillingRefusal.RefundFinal, decision.Refusal);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void ASucceededRefundCannotFailOrCloseLater()
    {
        var (invoice, refund) = Pending();
        InvoiceMachine.RefundSucceeded(invoice, refund.OutRefundNo, "50300000001", VisitMorning, "system:wechat-pay", VisitMorning);
        var before = Snapshot(invoice);

        Assert.Equal(BillingRefusal.RefundFinal, InvoiceMachine.RefundFailed(invoice, refund.OutRefundNo, "ABNORMAL", "system:wechat-pay", VisitMorning).Refusal);
        Assert.Equal(BillingRefusal.RefundFinal, InvoiceMachine.RefundClosed(invoice, refund.OutRefundNo, "CLOSED", "system:wechat-pay", VisitMorning).Refusal);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void ReportingTheSameFailureAgainChangesNothing()
    {
        var (invoice, refund) = Pending();
        InvoiceMachine.RefundFailed(invoice, refund.OutRefundNo, "ABNORMAL", "system:wechat-pay", VisitMorning);
        var before = Snapshot(invoice);

        var again = InvoiceMachine.RefundFailed(invoice, refund.OutRefundNo, "ABNORMAL", "system:wechat-pay", VisitMorning.AddMinutes(1));
        var closed = InvoiceMachine.RefundClosed(invoice, refund.OutRefundNo, "CLOSED", "system:wechat-pay", VisitMorning.AddMinutes(1));

        Assert.Equal(BillingOutcome.AlreadyDone, again.Outcome);
        Assert.Equal(BillingRefusal.RefundFinal, closed.Refusal);
        Assert.Equal(before, Snapshot(invoice));
    }

    [Fact]
    public void RefusesAnOutcomeForAnUnknownRefund()
    {
        var (invoice, _) = Pending();

        Assert.Equal(BillingRefusal.UnknownRefund, InvoiceMachine.RefundSucceeded(invoice, "R20261203000042-R009", "1", VisitMorning, "x", VisitMorning).Refusal);
        Assert.Equal(BillingRefusal.UnknownRefund, InvoiceMachine.RefundFailed(invoice, "R20261203000042-R009", "x", "x", VisitMorning).Refusal);
    }

    [Fact]
    public void APendingRefundDoesNotChangeTheStatus()
    {
        var (invoice, _) = Pending(amount: 1000);

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(0, invoice.RefundedFen());
        Assert.Equal(1000, invoice.PendingRefundFen());
    }
}
