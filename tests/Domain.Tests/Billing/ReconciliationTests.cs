using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class ReconciliationTests
{
    private static readonly DateOnly Day = VisitDay;
    private static readonly DateTimeOffset Morning = Local(Day, 9, 0);

    private static OurEntry OurPayment(string reference, long fen, PaymentChannel channel = PaymentChannel.WeChat, DateTimeOffset? at = null, string? providerId = "4200000001") =>
        new(EntryKind.Payment, channel, reference, channel == PaymentChannel.WeChat ? providerId : null, fen, EntryState.Succeeded, at ?? Morning, "R1");

    private static OurEntry OurRefund(string reference, long fen, EntryState state = EntryState.Succeeded, DateTimeOffset? at = null, string? providerId = "503000001") =>
        new(EntryKind.Refund, PaymentChannel.WeChat, reference, providerId, fen, state, at ?? Morning.AddHours(1), "R1");

    private static ProviderEntry TheirPayment(string reference, long fen, DateTimeOffset? at = null, string providerId = "4200000001") =>
        new(EntryKind.Payment, reference, providerId, fen, EntryState.Succeeded, at ?? Morning);

    private static ProviderEntry TheirRefund(string reference, long fen, EntryState state = EntryState.Succeeded, DateTimeOffset? at = null) =>
        new(EntryKind.Refund, reference, "503000001", fen, state, at ?? Morning.AddHours(1));

    [Fact]
    public void ACleanDayBalances()
    {
        var ours = new[]
        {
            OurPayment("R1-P001", 5000),
            OurRefund("R1-R001", 2000),
            OurPayment("W0001", 6160, PaymentChannel.Cash),
            OurPayment("POS-1", 3000, PaymentChannel.Card),
        };
        var theirs = new[] { TheirPayment("R1-P001", 5000), TheirRefund("R1-R001", 2000) };

        var report = Reconciliation.Compare(ours, theirs, Day);

        Assert.True(report.Balanced);
        Assert.Empty(report.Mismatches);
        Assert.Equal(new ChannelTotal(PaymentChannel.WeChat, 5000, 1, 2000, 1), report.OursFor(PaymentChannel.WeChat));
        Assert.Equal(new ChannelTotal(PaymentChannel.WeChat, 5000, 1, 2000, 1), report.Provider);
        Assert.Equal(new ChannelTotal(PaymentChannel.Cash, 6160, 1, 0, 0), report.OursFor(PaymentChannel.Cash));
        Assert.Equal(new ChannelTotal(PaymentChannel.Card, 3000, 1, 0, 0), report.OursFor(PaymentChannel.Card));
        Assert.Equal(3000, report.OursFor(PaymentChannel.WeChat).NetFen);
    }

    [Fact]
    public void FindsAPaymentTheProviderDoesNotHave()
    {
        var report = Reconciliation.Compare([OurPayment("R1-P001", 5000)], [], Day);

        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal(MismatchKind.MissingAtProvider, mismatch.Kind);
        Assert.Equal(EntryKind.Payment, mismatch.Entry);
        Assert.Equal("R1-P001", mismatch.Reference);
        Assert.NotNull(mismatch.Ours);
        Assert.Null(mismatch.Theirs);
        Assert.False(report.Balanced);
    }

    [Fact]
    public void FindsMoneyTheProviderMovedThatWeHaveNoRecordOf()
    {
        var report = Reconciliation.Compare([], [TheirRefund("R1-R004", 1000)], Day);

        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal(MismatchKind.MissingInOurRecords, mismatch.Kind);
        Assert.Equal(EntryKind.Refund, mismatch.Entry);
        Assert.Null(mismatch.Ours);
        Assert.False(report.Balanced);
    }

    [Fact]
    public void FindsAnAmountThatDiffers()
    {
        var report = Reconciliation.Compare([OurPayment("R1-P001", 5000)], [TheirPayment("R1-P001", 4999)], Day);

        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal(MismatchKind.AmountDiffers, mismatch.Kind);
        Assert.Equal("Payment R1-P001: ¥50.00 in our records, ¥49.99 at the provider.", mismatch.Detail);
        Assert.False(report.Balanced);
    }

    [Fact]
    public void FindsARefundPendingWithUsThatSucceededAtTheProvider()
    {
        var report = Reconciliation.Compare(
            [OurPayment("R1-P001", 5000), OurRefund("R1-R001", 5000, EntryState.Pending)],
            [TheirPayment("R1-P001", 5000), TheirRefund("R1-R001", 5000)], Day);

        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal(MismatchKind.StateDiffers, mismatch.Kind);
        Assert.Equal("R1-R001", mismatch.Reference);
        Assert.False(report.Balanced);
    }

    [Fact]
    public void FindsAnotherTransactionIdForTheSameOrder()
    {
        var report = Reconciliation.Compare([OurPayment("R1-P001", 5000)], [TheirPayment("R1-P001", 5000, providerId: "4200000999")], Day);

        Assert.Equal(MismatchKind.ProviderIdDiffers, Assert.Single(report.Mismatches).Kind);
    }

    [Fact]
    public void APendingOrFailedRefundTheProviderDoesNotListMovedNoMoney()
    {
        var report = Reconciliation.Compare(
            [OurPayment("R1-P001", 5000), OurRefund("R1-R001", 5000, EntryState.Pending, providerId: null), OurRefund("R1-R002", 5000, EntryState.Failed)],
            [TheirPayment("R1-P001", 5000)], Day);

        Assert.Empty(report.Mismatches);
        Assert.True(report.Balanced);
        Assert.Equal(0, report.OursFor(PaymentChannel.WeChat).RefundsFen);
    }

    [Fact]
    public void CashAndCardAreNeverLookedForAtTheProvider()
    {
        var report = Reconciliation.Compare([OurPayment("W0001", 6160, PaymentChannel.Cash)], [], Day);

        Assert.True(report.Balanced);
        Assert.Equal(6160, report.OursFor(PaymentChannel.Cash).NetFen);
    }

    [Fact]
    public void EntriesOfOtherDaysAreLeftOutButNamedWhenTheyExplainAMismatch()
    {
        var lastSecond = Local(Day, 23, 59, 59);
        var nextMidnight = Local(Day.AddDays(1), 0, 0);

        var report = Reconciliation.Compare(
            [OurPayment("R1-P001", 5000, at: lastSecond), OurPayment("R1-P002", 100, at: nextMidnight)],
            [TheirPayment("R1-P001", 5000, at: nextMidnight), TheirPayment("R1-P002", 100, at: nextMidnight)], Day);

        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal(MismatchKind.MissingAtProvider, mismatch.Kind);
        Assert.Equal("R1-P001", mismatch.Reference);
        Assert.NotNull(mismatch.Theirs);
        Assert.Contains("2026-12-04", mismatch.Detail);
        Assert.Equal(5000, report.OursFor(PaymentChannel.WeChat).PaymentsFen);
        Assert.Equal(0, report.Provider.PaymentsFen);
    }

    [Fact]
    public void ARepeatedReferenceIsPairedOnceAndTheExtraIsMissing()
    {
        var report = Reconciliation.Compare([OurPayment("R1-P001", 5000)], [TheirPayment("R1-P001", 5000), TheirPayment("R1-P001", 5000, providerId: "4200000002")], Day);

        Assert.Equal(MismatchKind.MissingInOurRecords, Assert.Single(report.Mismatches).Kind);
    }

    [Fact]
    public void AnInvoicesEntriesMatchTheProvidersBillOfTheSameEvents()
    {
        var invoice = PaidByWeChat(Morning);
        var surplus = InvoiceMachine.ConfirmPayment(invoice, WeChat(invoice, "4200000002", at: Morning.AddMinutes(5)), Morning.AddMinutes(5)).Refund!;
        InvoiceMachine.RefundSucceeded(invoice, surplus.OutRefundNo, "503000009", Morning.AddMinutes(7), "system:wechat-pay", Morning.AddMinutes(7));
        var cash = PaidAtWindow(PaymentChannel.Cash, Morning.AddHours(2));

        var ours = Reconciliation.EntriesOf(invoice).Concat(Reconciliation.EntriesOf(cash)).ToList();
        ProviderEntry[] theirs =
        [
            new(EntryKind.Payment, "R20261203000042-P001", "4200000001", Fee, EntryState.Succeeded, Morning.AddMinutes(1)),
            new(EntryKind.Payment, "R20261203000042-P001", "4200000002", Fee, EntryState.Succeeded, Morning.AddMinutes(5)),
            new(EntryKind.Refund, "R20261203000042-R001", "503000009", Fee, EntryState.Succeeded, Morning.AddMinutes(7)),
        ];

        var report = Reconciliation.Compare(ours, theirs, Day);

        Assert.Equal(4, ours.Count);
        Assert.Contains(ours, e => e is { Kind: EntryKind.Payment, Channel: PaymentChannel.Cash, Reference: "W0001", ProviderId: null });
        Assert.True(report.Balanced, string.Join("; ", report.Mismatches.Select(m => m.Detail)));
        Assert.Equal(new ChannelTotal(PaymentChannel.WeChat, 2 * Fee, 2, Fee, 1), report.OursFor(PaymentChannel.WeChat));
        Assert.Equal(Fee, report.OursFor(PaymentChannel.Cash).NetFen);
    }
}
