using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class TakingsSummaryTests
{
    private static readonly DateTimeOffset Morning = Local(VisitDay, 9, 0);

    [Fact]
    public void SumsEachChannelsPaymentsLessItsRefunds()
    {
        var wechat = PaidByWeChat(Morning);
        Refunded(wechat, 2000, RefundChannel.Window, Morning.AddHours(1));
        var cash = Consultation(Morning, "C1");
        Succeeds(InvoiceMachine.ConfirmPayment(cash, Window(PaymentChannel.Cash, "W0001", 6160, Morning.AddHours(2)), Morning.AddHours(2)));
        var card = PaidAtWindow(PaymentChannel.Card, Morning.AddHours(3));

        var takings = TakingsSummary.Of([wechat, cash, card], VisitDay);

        Assert.Equal(new ChannelTotal(PaymentChannel.WeChat, 5000, 1, 2000, 1), takings.For(PaymentChannel.WeChat));
        Assert.Equal(new ChannelTotal(PaymentChannel.Cash, 6160, 1, 0, 0), takings.For(PaymentChannel.Cash));
        Assert.Equal(new ChannelTotal(PaymentChannel.Card, 5000, 1, 0, 0), takings.For(PaymentChannel.Card));
        Assert.Equal(3000 + 6160 + 5000, takings.NetFen);
    }

    [Fact]
    public void ARefundCountsOnTheDayItSucceededAndNotWhilePending()
    {
        var invoice = PaidAtWindow(PaymentChannel.Cash, Morning);
        var voided = Succeeds(InvoiceMachine.RequestRefund(invoice, Refund(invoice, 500, RefundChannel.Window), Morning)).Refund!;
        InvoiceMachine.RefundClosed(invoice, voided.OutRefundNo, "患者改变主意", "clerk:w03", Morning.AddMinutes(1));
        var pending = Succeeds(InvoiceMachine.RequestRefund(invoice, Refund(invoice, 1000, RefundChannel.Window), Local(VisitDay, 23, 59, 59))).Refund!;

        Assert.Equal(new ChannelTotal(PaymentChannel.Cash, Fee, 1, 0, 0), TakingsSummary.Of([invoice], VisitDay).For(PaymentChannel.Cash));

        InvoiceMachine.RefundSucceeded(invoice, pending.OutRefundNo, null, Local(VisitDay.AddDays(1), 0, 0), "clerk:w03", Local(VisitDay.AddDays(1), 0, 0));

        Assert.Equal(0, TakingsSummary.Of([invoice], VisitDay).For(PaymentChannel.Cash).RefundsFen);
        Assert.Equal(new ChannelTotal(PaymentChannel.Cash, 0, 0, 1000, 1), TakingsSummary.Of([invoice], VisitDay.AddDays(1)).For(PaymentChannel.Cash));
    }

    [Fact]
    public void APaymentCountsOnItsHospitalDay()
    {
        var lastSecond = PaidAtWindow(PaymentChannel.Cash, Local(VisitDay, 23, 59, 59));
        var nextDay = PaidAtWindow(PaymentChannel.Cash, Local(VisitDay.AddDays(1), 0, 0));

        Assert.Equal(Fee, TakingsSummary.Of([lastSecond, nextDay], VisitDay).For(PaymentChannel.Cash).PaymentsFen);
    }

    [Fact]
    public void ASurplusPaymentAndItsRefundCancelOut()
    {
        var invoice = PaidByWeChat(Morning);
        var surplus = InvoiceMachine.ConfirmPayment(invoice, Window(PaymentChannel.Cash, "W0009", Fee, Morning.AddMinutes(5)), Morning.AddMinutes(5)).Refund!;
        InvoiceMachine.RefundSucceeded(invoice, surplus.OutRefundNo, null, Morning.AddMinutes(6), "clerk:w03", Morning.AddMinutes(6));

        var cash = TakingsSummary.Of([invoice], VisitDay).For(PaymentChannel.Cash);

        Assert.Equal(new ChannelTotal(PaymentChannel.Cash, Fee, 1, Fee, 1), cash);
        Assert.Equal(0, cash.NetFen);
    }

    [Fact]
    public void AClerkSeesWhatTheyTookAndHandedBack()
    {
        var mine = PaidAtWindow(PaymentChannel.Cash, Morning);
        var theirs = Created("R2");
        Succeeds(InvoiceMachine.ConfirmPayment(theirs, Window(PaymentChannel.Cash, "W0002", Fee, Morning, by: "clerk:w05"), Morning));
        Refunded(mine, 1000, RefundChannel.Window, Morning.AddHours(1));

        var w03 = TakingsSummary.Of([mine, theirs], VisitDay, "clerk:w03").For(PaymentChannel.Cash);
        var w05 = TakingsSummary.Of([mine, theirs], VisitDay, "clerk:w05").For(PaymentChannel.Cash);

        Assert.Equal(new ChannelTotal(PaymentChannel.Cash, Fee, 1, 1000, 1), w03);
        Assert.Equal(Fee, w05.PaymentsFen);
        Assert.Equal(0, w05.RefundsFen);
    }
}
