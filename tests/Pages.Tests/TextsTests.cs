using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Localization;
using HospitalOrleans.WebFront.Pages;

namespace HospitalOrleans.Pages.Tests;

/// <summary>No browser: every outcome and every string has words in both languages.</summary>
public sealed class TextsTests
{
    public static TheoryData<string> Languages => new() { "zh", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryFailedPoolOutcomeHasAPlainMessageForEveryAction(string language)
    {
        var texts = language == "en" ? Texts.English : Texts.Chinese;
        foreach (var outcome in Enum.GetValues<PoolOutcome>().Where(o => o != PoolOutcome.Ok))
        foreach (var action in Enum.GetValues<PageAction>())
        {
            Assert.False(string.IsNullOrWhiteSpace(Outcomes.Message(texts, outcome, action)));
            Assert.InRange(Outcomes.StatusCode(outcome), 400, 599);
        }
    }

    [Fact]
    public void StorageTroubleAsksToTryAgainAndSaysNothingChanged()
    {
        Assert.Equal(Texts.Chinese.Unavailable, Outcomes.Message(Texts.Chinese, PoolOutcome.Unavailable, PageAction.Book));
        Assert.Contains("什么都没有改变", Texts.Chinese.Unavailable);
        Assert.Contains("nothing was changed", Texts.English.Unavailable);
        Assert.Equal(503, Outcomes.StatusCode(PoolOutcome.Unavailable));
    }

    [Fact]
    public void NotReleasedSaysWhenBookingOpensInHospitalTime()
    {
        var releaseAt = new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero); // 07:00 on 4 Dec in UTC+8

        Assert.Equal("这次门诊的号还没有开放，将于 12月4日 周五 07:00 开放预约。", Outcomes.Message(Texts.Chinese, PoolOutcome.NotReleased, PageAction.Book, releaseAt));
        Assert.Equal("Numbers for this clinic are not open yet. Booking opens at Fri 4 Dec 07:00.", Outcomes.Message(Texts.English, PoolOutcome.NotReleased, PageAction.Book, releaseAt));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void NoStringIsLeftEmpty(string language)
    {
        var texts = language == "en" ? Texts.English : Texts.Chinese;
        foreach (var property in typeof(Texts).GetProperties().Where(p => p.PropertyType == typeof(string)))
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(texts)), property.Name);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryBillStateChannelRefundStateAndMismatchHasAName(string language)
    {
        var texts = language == "en" ? Texts.English : Texts.Chinese;
        Assert.All(Enum.GetValues<InvoiceSource>(), v => Assert.NotEqual(v.ToString(), texts.BillSourceName(v)));
        Assert.All(Enum.GetValues<InvoiceStatus>(), v => Assert.False(string.IsNullOrWhiteSpace(texts.BillStatusName(v))));
        Assert.All(Enum.GetValues<PaymentChannel>(), v => Assert.False(string.IsNullOrWhiteSpace(texts.PaymentChannelName(v))));
        Assert.All(Enum.GetValues<RefundState>(), v => Assert.False(string.IsNullOrWhiteSpace(texts.RefundStateName(v))));
        Assert.All(Enum.GetValues<MismatchKind>(), v => Assert.NotEqual(v.ToString(), texts.MismatchKindName(v)));
        Assert.All(Enum.GetValues<EntryKind>(), v => Assert.False(string.IsNullOrWhiteSpace(texts.EntryKindName(v))));
        Assert.All(Enum.GetValues<PaymentDisposition>().Where(d => d != PaymentDisposition.Settles), d => Assert.NotNull(texts.SurplusNote(d)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryBillItemFaultNamesItsRowAndIsWordedOnItsOwn(string language)
    {
        var texts = language == "en" ? Texts.English : Texts.Chinese;
        var messages = Enum.GetValues<InvoiceItemFault>().Select(fault => texts.BillItemFault(7, fault)).ToList();
        Assert.All(messages, message => Assert.Contains("7", message));
        Assert.Equal(messages.Count, messages.Distinct().Count());
    }

    [Fact]
    public void MoneyIsYuanFromFenAndTimesAreHospitalLocal()
    {
        Assert.Equal("¥50.00", Format.Money(5000));
        Assert.Equal("¥0.05", Format.Money(5));
        Assert.Equal("¥123.40", Format.Money(12340));
        Assert.Equal("-¥0.05", Format.Money(-5));
        Assert.Equal("07:00", Format.Time(new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero)));
    }
}
