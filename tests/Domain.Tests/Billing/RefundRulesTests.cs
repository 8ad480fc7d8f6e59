using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

/// <summary>Visit day Thursday 2026-12-03; the window period ends at the end of Sunday 2026-12-06.</summary>
public sealed class RefundRulesTests
{
    private static readonly DateTimeOffset LastSecondBefore = Local(2026, 12, 2, 23, 59, 59);
    private static readonly DateTimeOffset VisitMidnight = Local(2026, 12, 3, 0, 0);
    private static readonly DateTimeOffset LastWindowSecond = Local(2026, 12, 6, 23, 59, 59);
    private static readonly DateTimeOffset FourthDayMidnight = Local(2026, 12, 7, 0, 0);

    [Fact]
    public void ThePhoneRefundsUntilTheLastSecondBeforeTheVisitDay()
    {
        var decision = RefundRules.Decide(PaidByWeChat(), RefundChannel.Phone, LastSecondBefore);

        Assert.True(decision.Allowed);
        Assert.Null(decision.Refusal);
        Assert.Equal(PaymentChannel.WeChat, decision.Channel);
        Assert.Equal("就诊日（2026年12月3日）前可在网上退费；费用原路退回微信。", decision.Detail);
    }

    [Fact]
    public void ThePhoneStopsRefundingAtMidnightOfTheVisitDay()
    {
        var decision = RefundRules.Decide(PaidByWeChat(), RefundChannel.Phone, VisitMidnight);

        Assert.False(decision.Allowed);
        Assert.Equal(RefundRefusal.PhoneClosedFromVisitDay, decision.Refusal);
        Assert.Equal("就诊日（2026年12月3日）起网上不能退费，请于 2026年12月6日（含）前到窗口办理。", decision.Detail);
        Assert.Equal("From the visit day (2026-12-03) refunds cannot be made on the phone; please go to a payment window by 2026-12-06 inclusive.", decision.DetailEn);
        Assert.Equal(new DateOnly(2026, 12, 6), decision.LastWindowDay);
        Assert.Equal(VisitDay, decision.VisitDate);
    }

    [Fact]
    public void TheDayIsTheHospitalsWhateverOffsetNowIsGivenIn()
    {
        var invoice = PaidByWeChat();

        Assert.True(RefundRules.Decide(invoice, RefundChannel.Phone, new DateTimeOffset(2026, 12, 2, 15, 59, 59, TimeSpan.Zero)).Allowed);
        Assert.False(RefundRules.Decide(invoice, RefundChannel.Phone, new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero)).Allowed);
        Assert.True(RefundRules.Decide(invoice, RefundChannel.Window, new DateTimeOffset(2026, 12, 6, 15, 59, 59, TimeSpan.Zero)).Allowed);
        Assert.False(RefundRules.Decide(invoice, RefundChannel.Window, new DateTimeOffset(2026, 12, 6, 16, 0, 0, TimeSpan.Zero)).Allowed);
    }

    [Theory]
    [InlineData(2026, 12, 3, 0, 0, 0)]
    [InlineData(2026, 12, 4, 12, 0, 0)]
    [InlineData(2026, 12, 6, 23, 59, 59)]
    public void TheWindowRefundsFromTheVisitDayToTheEndOfTheThirdDayAfter(int year, int month, int day, int hour, int minute, int second)
    {
        var decision = RefundRules.Decide(PaidByWeChat(), RefundChannel.Window, Local(year, month, day, hour, minute, second));

        Assert.True(decision.Allowed);
        Assert.Equal(PaymentChannel.WeChat, decision.Channel);
    }

    [Fact]
    public void TheWindowStopsRefundingAtMidnightOfTheFourthDayAfter()
    {
        var invoice = PaidByWeChat();

        Assert.True(RefundRules.Decide(invoice, RefundChannel.Window, LastWindowSecond).Allowed);
        var decision = RefundRules.Decide(invoice, RefundChannel.Window, FourthDayMidnight);

        Assert.False(decision.Allowed);
        Assert.Equal(RefundRefusal.WindowPeriodOver, decision.Refusal);
        Assert.Equal("就诊日（2026年12月3日）后三天内可到窗口退费，办理期限已于 2026年12月6日 结束；如确需退费，请联系财务科。", decision.Detail);
    }

    [Fact]
    public void ThePhoneAfterTheWindowPeriodIsSentToFinance()
    {
        var decision = RefundRules.Decide(PaidByWeChat(), RefundChannel.Phone, FourthDayMidnight);

        Assert.Equal(RefundRefusal.WindowPeriodOver, decision.Refusal);
    }

    [Fact]
    public void TheWindowAlsoRefundsBeforeTheVisitDay()
    {
        Assert.True(RefundRules.Decide(PaidByWeChat(), RefundChannel.Window, Local(2026, 11, 28, 10, 0)).Allowed);
    }

    [Theory]
    [InlineData(2026, 11, 27)]
    [InlineData(2026, 12, 7)]
    [InlineData(2027, 12, 3)]
    public void FinanceMayAlwaysRefund(int year, int month, int day)
    {
        var invoice = PaidByWeChat();
        InvoiceMachine.IssueFapiao(invoice, "26440000000012345678", "clerk:w03", Booked.AddHours(1));

        var decision = RefundRules.Decide(invoice, RefundChannel.Finance, Local(year, month, day, 10, 0));

        Assert.True(decision.Allowed);
        Assert.Equal(PaymentChannel.WeChat, decision.Channel);
    }

    [Fact]
    public void AfterAFapiaoThePhoneNeverRefunds()
    {
        var invoice = PaidByWeChat();
        InvoiceMachine.IssueFapiao(invoice, "26440000000012345678", "clerk:w03", Booked.AddHours(1));

        var decision = RefundRules.Decide(invoice, RefundChannel.Phone, Local(2026, 11, 28, 10, 0));

        Assert.Equal(RefundRefusal.FapiaoWindowOnly, decision.Refusal);
        Assert.Equal("该费用已开具发票，只能凭发票到窗口退费，请于 2026年12月6日（含）前办理。", decision.Detail);
        Assert.Equal(RefundRefusal.FapiaoWindowOnly, RefundRules.Decide(invoice, RefundChannel.Phone, LastSecondBefore).Refusal);
    }

    [Fact]
    public void AfterAFapiaoTheWindowRefundsAtAnyTimeUntilTheWindowPeriodEnds()
    {
        var invoice = PaidByWeChat();
        InvoiceMachine.IssueFapiao(invoice, "26440000000012345678", "clerk:w03", Booked.AddHours(1));

        Assert.True(RefundRules.Decide(invoice, RefundChannel.Window, Local(2026, 11, 28, 10, 0)).Allowed);
        Assert.True(RefundRules.Decide(invoice, RefundChannel.Window, LastWindowSecond).Allowed);
        Assert.Equal(RefundRefusal.WindowPeriodOver, RefundRules.Decide(invoice, RefundChannel.Window, FourthDayMidnight).Refusal);
    }

    [Theory]
    [InlineData(PaymentChannel.Cash, "该费用以现金支付，只能以现金退还，请于 2026年12月6日（含）前到窗口办理。")]
    [InlineData(PaymentChannel.Card, "该费用以银行卡支付，只能原路退回银行卡，请于 2026年12月6日（含）前到窗口办理。")]
    public void ThePhoneCannotGiveBackCashOrACardPayment(PaymentChannel channel, string detail)
    {
        var invoice = PaidAtWindow(channel);

        var decision = RefundRules.Decide(invoice, RefundChannel.Phone, Local(2026, 11, 28, 10, 0));

        Assert.Equal(RefundRefusal.PhoneCannotReturnCashOrCard, decision.Refusal);
        Assert.Equal(channel, decision.Channel);
        Assert.Equal(detail, decision.Detail);
    }

    [Theory]
    [InlineData(PaymentChannel.WeChat)]
    [InlineData(PaymentChannel.Cash)]
    [InlineData(PaymentChannel.Card)]
    public void TheMoneyMustGoBackThroughThePaymentsChannel(PaymentChannel channel)
    {
        var invoice = channel == PaymentChannel.WeChat ? PaidByWeChat() : PaidAtWindow(channel);

        foreach (var via in Enum.GetValues<RefundChannel>())
            Assert.Equal(channel, RefundRules.Decide(invoice, via, VisitMidnight).Channel);
    }

    [Fact]
    public void AConsultationBillCountsFromItsIssueDateAndIsNeverRefundedOnThePhone()
    {
        var issued = Local(VisitDay, 9, 40);
        var invoice = Consultation(issued);
        InvoiceMachine.StartPaying(invoice, issued.AddMinutes(30), "patient:8000000042", issued);
        Succeeds(InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000077", at: issued.AddMinutes(2)), issued.AddMinutes(2)));

        Assert.Equal(RefundRefusal.PhoneClosedFromVisitDay, RefundRules.Decide(invoice, RefundChannel.Phone, issued.AddMinutes(3)).Refusal);
        Assert.True(RefundRules.Decide(invoice, RefundChannel.Window, LastWindowSecond).Allowed);
        Assert.Equal(RefundRefusal.WindowPeriodOver, RefundRules.Decide(invoice, RefundChannel.Window, FourthDayMidnight).Refusal);
    }

    [Fact]
    public void ADepositIsRefundedAtTheWindowWithoutTimeLimitAndNeverOnThePhone()
    {
        var taken = Local(VisitDay, 9, 0);
        var invoice = InvoiceMachine.Create(Draft("D20261203000001", InvoiceSource.InpatientDeposit, null, new InvoiceItem("DEPOSIT", "住院押金", 1, 300_000)), taken).Invoice!;
        Succeeds(InvoiceMachine.ConfirmPayment(invoice, Window(PaymentChannel.Card, "POS-0001", 300_000, taken), taken));

        var phone = RefundRules.Decide(invoice, RefundChannel.Phone, Local(VisitDay, 10, 0));
        var window = RefundRules.Decide(invoice, RefundChannel.Window, Local(2027, 1, 20, 10, 0));

        Assert.Equal(RefundRefusal.DepositNotByPhone, phone.Refusal);
        Assert.True(window.Allowed);
        Assert.Equal(PaymentChannel.Card, window.Channel);
        Assert.Null(window.LastWindowDay);
    }

    [Fact]
    public void NothingPaidIsNothingToRefund()
    {
        var decision = RefundRules.Decide(Paying(), RefundChannel.Finance, Booked);

        Assert.False(decision.Allowed);
        Assert.Equal(RefundRefusal.NotPaid, decision.Refusal);
        Assert.Null(decision.Channel);
    }
}
