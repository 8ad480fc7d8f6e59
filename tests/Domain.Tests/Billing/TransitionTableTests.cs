using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

/// <summary>
/// Every step from every status: what it does, and that a refused step leaves the invoice exactly
/// as it was.
/// </summary>
public sealed class TransitionTableTests
{
    public enum Step { StartPaying, ConfirmPayment, Close, IssueFapiao, RequestRefund }

    private static readonly DateTimeOffset VisitMorning = Local(VisitDay, 10, 0);

    public static TheoryData<InvoiceStatus, Step, BillingOutcome, BillingRefusal?, InvoiceStatus> Table => new()
    {
        { InvoiceStatus.Unpaid, Step.StartPaying, BillingOutcome.Done, null, InvoiceStatus.Paying },
        { InvoiceStatus.Paying, Step.StartPaying, BillingOutcome.AlreadyDone, null, InvoiceStatus.Paying },
        { InvoiceStatus.Paid, Step.StartPaying, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Paid },
        { InvoiceStatus.PartlyRefunded, Step.StartPaying, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.PartlyRefunded },
        { InvoiceStatus.Refunded, Step.StartPaying, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Refunded },
        { InvoiceStatus.Closed, Step.StartPaying, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Closed },

        { InvoiceStatus.Unpaid, Step.ConfirmPayment, BillingOutcome.Done, null, InvoiceStatus.Paid },
        { InvoiceStatus.Paying, Step.ConfirmPayment, BillingOutcome.Done, null, InvoiceStatus.Paid },
        { InvoiceStatus.Paid, Step.ConfirmPayment, BillingOutcome.PaidTwice, null, InvoiceStatus.Paid },
        { InvoiceStatus.PartlyRefunded, Step.ConfirmPayment, BillingOutcome.PaidTwice, null, InvoiceStatus.PartlyRefunded },
        { InvoiceStatus.Refunded, Step.ConfirmPayment, BillingOutcome.PaidTwice, null, InvoiceStatus.Refunded },
        { InvoiceStatus.Closed, Step.ConfirmPayment, BillingOutcome.ArrivedAfterClose, null, InvoiceStatus.Closed },

        { InvoiceStatus.Unpaid, Step.Close, BillingOutcome.Done, null, InvoiceStatus.Closed },
        { InvoiceStatus.Paying, Step.Close, BillingOutcome.Done, null, InvoiceStatus.Closed },
        { InvoiceStatus.Paid, Step.Close, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Paid },
        { InvoiceStatus.PartlyRefunded, Step.Close, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.PartlyRefunded },
        { InvoiceStatus.Refunded, Step.Close, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Refunded },
        { InvoiceStatus.Closed, Step.Close, BillingOutcome.AlreadyDone, null, InvoiceStatus.Closed },

        { InvoiceStatus.Unpaid, Step.IssueFapiao, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Unpaid },
        { InvoiceStatus.Paying, Step.IssueFapiao, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Paying },
        { InvoiceStatus.Paid, Step.IssueFapiao, BillingOutcome.Done, null, InvoiceStatus.Paid },
        { InvoiceStatus.PartlyRefunded, Step.IssueFapiao, BillingOutcome.Done, null, InvoiceStatus.PartlyRefunded },
        { InvoiceStatus.Refunded, Step.IssueFapiao, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Refunded },
        { InvoiceStatus.Closed, Step.IssueFapiao, BillingOutcome.Refused, BillingRefusal.IllegalTransition, InvoiceStatus.Closed },

        { InvoiceStatus.Unpaid, Step.RequestRefund, BillingOutcome.Refused, BillingRefusal.NotPaid, InvoiceStatus.Unpaid },
        { InvoiceStatus.Paying, Step.RequestRefund, BillingOutcome.Refused, BillingRefusal.NotPaid, InvoiceStatus.Paying },
        { InvoiceStatus.Paid, Step.RequestRefund, BillingOutcome.Done, null, InvoiceStatus.Paid },
        { InvoiceStatus.PartlyRefunded, Step.RequestRefund, BillingOutcome.Done, null, InvoiceStatus.PartlyRefunded },
        { InvoiceStatus.Refunded, Step.RequestRefund, BillingOutcome.Refused, BillingRefusal.NothingToRefund, InvoiceStatus.Refunded },
        { InvoiceStatus.Closed, Step.RequestRefund, BillingOutcome.Refused, BillingRefusal.NotPaid, InvoiceStatus.Closed },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EachStepFromEachStatus(InvoiceStatus from, Step step, BillingOutcome outcome, BillingRefusal? refusal, InvoiceStatus to)
    {
        var invoice = In(from);
        Assert.Equal(from, invoice.Status);
        var before = Snapshot(invoice);
        var transitions = invoice.Transitions.Count;

        var decision = Take(invoice, step);

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(refusal, decision.Refusal);
        Assert.Equal(to, invoice.Status);
        if (outcome == BillingOutcome.Refused)
        {
            Assert.False(decision.Changed);
            Assert.Equal(before, Snapshot(invoice));
            Assert.NotEmpty(decision.Detail);
            Assert.NotEmpty(decision.DetailEn);
        }
        if (from != to)
        {
            Assert.Equal(transitions + 1, invoice.Transitions.Count);
            Assert.Equal((InvoiceStatus?)from, invoice.Transitions[^1].From);
            Assert.Equal(to, invoice.Transitions[^1].To);
        }
        else
        {
            Assert.Equal(transitions, invoice.Transitions.Count);
        }
    }

    [Fact]
    public void TheTableCoversEveryStatusAndStep()
    {
        var rows = Table.Select(row => ((InvoiceStatus)row[0], (Step)row[1])).ToHashSet();

        foreach (var status in Enum.GetValues<InvoiceStatus>())
            foreach (var step in Enum.GetValues<Step>())
                Assert.Contains((status, step), rows);
    }

    [Fact]
    public void EveryStatusChangeOfALifeIsRecordedInOrder()
    {
        var invoice = PaidByWeChat();
        Refunded(invoice, 2000, RefundChannel.Phone, Local(2026, 11, 28, 10, 0));
        Refunded(invoice, 3000, RefundChannel.Window, VisitMorning);

        Assert.Equal(
            [(null, InvoiceStatus.Unpaid), (InvoiceStatus.Unpaid, InvoiceStatus.Paying), (InvoiceStatus.Paying, InvoiceStatus.Paid),
             (InvoiceStatus.Paid, InvoiceStatus.PartlyRefunded), (InvoiceStatus.PartlyRefunded, InvoiceStatus.Refunded)],
            invoice.Transitions.Select(t => (t.From, t.To)).ToList());
        Assert.All(invoice.Transitions, t => Assert.False(string.IsNullOrWhiteSpace(t.By)));
        Assert.All(invoice.Transitions, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
        Assert.Equal(invoice.Transitions.OrderBy(t => t.At).ToList(), invoice.Transitions);
    }

    private static Invoice In(InvoiceStatus status)
    {
        switch (status)
        {
            case InvoiceStatus.Unpaid: return Created();
            case InvoiceStatus.Paying: return Paying();
            case InvoiceStatus.Paid: return PaidByWeChat();
            case InvoiceStatus.PartlyRefunded:
            {
                var invoice = PaidByWeChat();
                Refunded(invoice, 1000, RefundChannel.Phone, Local(2026, 11, 28, 10, 0));
                return invoice;
            }
            case InvoiceStatus.Refunded:
            {
                var invoice = PaidByWeChat();
                Refunded(invoice, Fee, RefundChannel.Phone, Local(2026, 11, 28, 10, 0));
                return invoice;
            }
            case InvoiceStatus.Closed:
            {
                var invoice = Paying();
                InvoiceMachine.Close(invoice, "支付超时", "system:payment-deadline", Booked + Hold);
                return invoice;
            }
            default: throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }

    private static BillingDecision Take(Invoice invoice, Step step) => step switch
    {
        Step.StartPaying => InvoiceMachine.StartPaying(invoice, Booked.AddMinutes(10), "patient:8000000042", Booked.AddMinutes(5)),
        Step.ConfirmPayment => InvoiceMachine.ConfirmPayment(invoice, Window(PaymentChannel.Cash, "W0100", invoice.TotalFen, VisitMorning), VisitMorning),
        Step.Close => InvoiceMachine.Close(invoice, "撤销", "doctor:D007", VisitMorning),
        Step.IssueFapiao => InvoiceMachine.IssueFapiao(invoice, "26440000000012345678", "clerk:w03", VisitMorning),
        Step.RequestRefund => InvoiceMachine.RequestRefund(invoice, Refund(invoice, 1, RefundChannel.Window), VisitMorning),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
