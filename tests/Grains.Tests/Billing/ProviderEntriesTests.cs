using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.Grains.Billing;
using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.Grains.Tests.Billing;

/// <summary>WeChat Pay's trade bill, as written and read on the wire, becomes entries named the way our invoices name them.</summary>
public sealed class ProviderEntriesTests
{
    private static readonly DateTimeOffset PaidAt = new(2026, 12, 2, 23, 58, 10, PayJson.ChinaOffset);
    private static readonly DateTimeOffset RefundedAt = new(2026, 12, 3, 0, 1, 5, PayJson.ChinaOffset);

    /// <summary>A payment row as WeChat Pay (and the simulator) prints it.</summary>
    private static TradeBillRow PaymentRow(string outTradeNo = "R2612020001-P001", long fen = 5_000) => new()
    {
        TradeTime = PaidAt,
        TransactionId = "4200002601202612020001",
        OutTradeNo = outTradeNo,
        TradeState = TradeState.Success,
        AmountFen = fen,
    };

    /// <summary>A refund row: the original order's numbers, no order amount, the refund's own numbers and status.</summary>
    private static TradeBillRow RefundRow(string status = "SUCCESS") => PaymentRow() with
    {
        TradeTime = RefundedAt,
        TradeState = TradeState.Refund,
        AmountFen = 0,
        OrderAmountFen = 0,
        RefundId = "50300006012026120300001",
        OutRefundNo = "R2612020001-R001",
        RefundAmountFen = 2_000,
        RequestedRefundAmountFen = 2_000,
        RefundType = "ORIGINAL",
        RefundStatus = status,
    };

    private static TradeBill ReadBack(params TradeBillRow[] rows) => TradeBillParser.Parse(TradeBillWriter.Write(rows)).Bill!;

    [Fact]
    public void APaymentRowIsThePaymentOfItsOrderAtItsSuccessTime()
    {
        var entry = Assert.Single(ProviderEntries.Of(ReadBack(PaymentRow())));

        Assert.Equal(new ProviderEntry(EntryKind.Payment, "R2612020001-P001", "4200002601202612020001", 5_000, EntryState.Succeeded, PaidAt), entry);
        Assert.Equal(HospitalTime.Offset, entry.At.Offset);
    }

    [Fact]
    public void ARefundRowIsTheRefundByItsOwnNumberNotTheOrders()
    {
        var entries = ProviderEntries.Of(ReadBack(PaymentRow(), RefundRow()));

        var refund = Assert.Single(entries, e => e.Kind == EntryKind.Refund);
        Assert.Equal(new ProviderEntry(EntryKind.Refund, "R2612020001-R001", "50300006012026120300001", 2_000, EntryState.Succeeded, RefundedAt), refund);
    }

    [Theory]
    [InlineData("SUCCESS", EntryState.Succeeded)]
    [InlineData("PROCESSING", EntryState.Pending)]
    [InlineData("CLOSED", EntryState.Closed)]
    [InlineData("ABNORMAL", EntryState.Failed)]
    [InlineData("SOMETHING_NEW", EntryState.Failed)]
    public void ARefundKeepsTheStatusTheBillPrints(string status, EntryState expected)
    {
        Assert.Equal(expected, ProviderEntries.Of(RefundRow(status)).State);
    }

    [Fact]
    public void APaymentWithAVoucherCountsTheOrdersTotalAsOurInvoiceDoes()
    {
        var row = PaymentRow(fen: 4_500) with { OrderAmountFen = 5_000, CouponAmountFen = 500 };

        Assert.Equal(5_000, ProviderEntries.Of(ReadBack(row)).Single().AmountFen);
    }

    [Fact]
    public void AnEntryNearMidnightKeepsItsHospitalDaySoTheDaysBillsAgree()
    {
        var entries = ProviderEntries.Of(ReadBack(PaymentRow(), RefundRow()));

        Assert.Equal(new DateOnly(2026, 12, 2), HospitalTime.Today(entries.Single(e => e.Kind == EntryKind.Payment).At));
        Assert.Equal(new DateOnly(2026, 12, 3), HospitalTime.Today(entries.Single(e => e.Kind == EntryKind.Refund).At));
    }

    [Fact]
    public void OurWeChatPaymentAndRefundBalanceAgainstTheBillThatListsThem()
    {
        var ours = new[]
        {
            new OurEntry(EntryKind.Payment, PaymentChannel.WeChat, "R2612020001-P001", "4200002601202612020001", 5_000, EntryState.Succeeded, PaidAt, "R2612020001"),
            new OurEntry(EntryKind.Refund, PaymentChannel.WeChat, "R2612020001-R001", "50300006012026120300001", 2_000, EntryState.Succeeded, RefundedAt, "R2612020001"),
        };
        var theirs = ProviderEntries.Of(ReadBack(PaymentRow(), RefundRow()));

        Assert.True(Reconciliation.Compare(ours, theirs, new DateOnly(2026, 12, 2)).Balanced);
        Assert.True(Reconciliation.Compare(ours, theirs, new DateOnly(2026, 12, 3)).Balanced);
    }
}
