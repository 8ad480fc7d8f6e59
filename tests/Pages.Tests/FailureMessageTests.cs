using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Pages.Tests.Support;

namespace HospitalOrleans.Pages.Tests;

[Collection(SiteCollection.Name)]
public sealed class FailureMessageTests(HospitalSite site)
{
    [Fact]
    public async Task BookingASoldOutPeriodShowsAPlainMessageAndBooksNothing()
    {
        // A famous expert's small pool; the page is open while others take the last online numbers.
        var poolId = await PoolOfAsync("D005", "BRS");
        var page = await site.PatientPageAsync(HospitalSite.NewPatientId());
        await page.GotoAsync($"/pools/{poolId}");
        var book = page.Locator("[data-testid=book]").First;
        await Expect(book).ToBeVisibleAsync();
        await SellOutOnlineAsync(poolId);

        await book.ClickAsync();

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("很抱歉，这个时段的号已经约满了。请选择其他时段或其他日期。");
        await Expect(page.Locator("[data-testid=book]")).ToHaveCountAsync(0);
        await HospitalSite.ScreenshotAsync(page, "40-sold-out");
        await page.GotoAsync("/me/bookings");
        await Expect(page.Locator("[data-testid=no-bookings]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task BookingTheSameClinicTwiceShowsAPlainMessage()
    {
        var poolId = await PoolOfAsync("D007", "BRS");
        var page = await site.PatientPageAsync(HospitalSite.NewPatientId());
        await page.GotoAsync($"/pools/{poolId}");
        await page.Locator("[data-testid=book]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=serial]")).ToBeVisibleAsync();

        await page.GotoAsync($"/pools/{poolId}");
        await page.Locator("[data-testid=book]").Last.ClickAsync();

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("您在这次门诊已经有一个号了，不用再预约。可以在“我的预约”里查看。");
        await page.GotoAsync("/me/bookings");
        await Expect(page.Locator("[data-testid=booking]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AClinicNotYetReleasedSaysWhenBookingOpens()
    {
        var day = HospitalSite.Today.AddDays(10);
        var poolId = (await site.Grains.GetGrain<IHospitalDirectoryGrain>(0).PoolsOnAsync(day, "ICW"))[0];
        var page = await site.NewPageAsync();

        await page.GotoAsync($"/pools/{poolId}");

        var releaseDay = day.AddDays(-7);
        await Expect(page.Locator("[data-testid=not-released]")).ToHaveTextAsync($"这次门诊的号还没有开放，将于 {releaseDay.Month}月{releaseDay.Day}日 {Weekday(releaseDay)} 07:00 开放预约。");
        await Expect(page.Locator("[data-testid=book]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnUnknownAddressShowsAKindPageInTheVisitorsLanguage()
    {
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("没有找到这个页面。");
        await page.ClickAsync("[data-testid=switch-language]");
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("We could not find this page.");
    }

    [Fact]
    public async Task AWrongStaffPasswordIsRefusedPlainly()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#user-name", "clerk1");
        await page.FillAsync("#password", "not-the-password");

        await page.ClickAsync("[data-testid=staff-sign-in]");

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("用户名或密码不对，请重新输入。");
        await Expect(page.Locator("[data-testid=sign-out]")).ToHaveCountAsync(0);
    }

    private async Task<string> PoolOfAsync(string doctorId, string departmentId)
    {
        foreach (var day in Dates.Bookable)
        {
            var pools = await site.Grains.GetGrain<IHospitalDirectoryGrain>(0).PoolsOnAsync(day, departmentId);
            if (pools.FirstOrDefault(p => p.StartsWith($"{doctorId}-", StringComparison.Ordinal)) is { } poolId) return poolId;
        }
        throw new InvalidOperationException($"Doctor {doctorId} holds no clinic on the bookable days.");
    }

    private async Task SellOutOnlineAsync(string poolId)
    {
        for (var i = 0; i < 500; i++)
        {
            var result = await site.Grains.Patient(HospitalSite.NewPatientId()).BookOnlineAsync(poolId, Guid.NewGuid().ToString("N"), null);
            if (result.Outcome == PoolOutcome.SoldOut) return;
            Assert.Equal(PoolOutcome.Ok, result.Outcome);
        }
        throw new InvalidOperationException($"Pool {poolId} did not sell out.");
    }

    private static string Weekday(DateOnly day) => new[] { "周日", "周一", "周二", "周三", "周四", "周五", "周六" }[(int)day.DayOfWeek];
}
