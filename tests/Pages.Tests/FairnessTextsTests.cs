using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Localization;
using HospitalOrleans.WebFront.Pages;

namespace HospitalOrleans.Pages.Tests;

/// <summary>No browser: how the fairness refusals, family words and check-in states read.</summary>
public sealed class FairnessTextsTests
{
    private const string WeeklyDetail = "每人每周（周一至周日）网上预约限 8 次，已取消或逾期未支付的预约也计入；本周已达上限，下周一起可再预约，也可到窗口挂号。";

    [Fact]
    public void ASuspensionSaysUntilWhichDayInHospitalTime()
    {
        // 17:00 UTC on 24 Feb is 01:00 on 25 Feb in the hospital.
        var result = BookingResult.Failed(PoolOutcome.Suspended, "因90 天内爽约 3 次，……") with { Until = new DateTimeOffset(2027, 2, 24, 17, 0, 0, TimeSpan.Zero) };

        Assert.Equal("因爽约，您的网上预约暂停至 2027年2月25日（窗口挂号不受影响）。", Outcomes.Message(Texts.Chinese, result, PageAction.Book));
        Assert.Equal("After missed appointments, online booking is suspended until 25 Feb 2027 (the registration window still serves you).",
            Outcomes.Message(Texts.English, result, PageAction.Book));
        Assert.Equal(409, Outcomes.StatusCode(result.Outcome));
    }

    [Fact]
    public void ACapRefusalInChineseIsTheRulesOwnSentenceWithTheConfiguredLimit()
    {
        var result = BookingResult.Failed(PoolOutcome.WeeklyCapReached, WeeklyDetail);

        Assert.Equal(WeeklyDetail, Outcomes.Message(Texts.Chinese, result, PageAction.Book));
        Assert.Equal(Texts.English.WeeklyCapReached, Outcomes.Message(Texts.English, result, PageAction.Book));
        Assert.Equal(Texts.Chinese.MonthlyCapReached, Outcomes.Message(Texts.Chinese, BookingResult.Failed(PoolOutcome.MonthlyCapReached, ""), PageAction.Book));
    }

    [Fact]
    public void AtTheWindowTheClerkIsToldAboutThePatientNotAddressedAsThePatient()
    {
        var result = BookingResult.Failed(PoolOutcome.DoctorDayTaken, "同一位医生同一天每人限挂 1 个号，您已有该医生 2026年12月3日 的号。");

        Assert.Equal("这位患者已有这位医生当天的号，同一位医生同一天只能挂一个号。", Outcomes.Message(Texts.Chinese, result, PageAction.Draw));
    }

    [Theory]
    [InlineData(PoolOutcome.Closed, "签到只能在就诊当天、门诊结束前办理。")]
    [InlineData(PoolOutcome.NotLive, "只有已支付（已确认）的预约才能签到。")]
    public void CheckInRefusalsSayWhatIsPossible(PoolOutcome outcome, string message) =>
        Assert.Equal(message, Outcomes.Message(Texts.Chinese, outcome, PageAction.CheckIn));

    [Fact]
    public void FamilyWordsAndStatesHaveNamesInBothLanguages()
    {
        Assert.Equal("父母", Texts.Chinese.RelationshipName(Relationship.Parent));
        Assert.Equal("Parent", Texts.English.RelationshipName(Relationship.Parent));
        Assert.Equal("港澳居民来往内地通行证", Texts.Chinese.DocumentTypeName(nameof(DocumentType.HongKongMacauPermit)));
        Assert.Equal("爽约", Texts.Chinese.StatusName("noshow"));
        Assert.Equal("Missed", Texts.English.StatusName("noshow"));
        Assert.Equal("2026年12月3日", Texts.Chinese.LongDate(new DateOnly(2026, 12, 3)));
    }
}
