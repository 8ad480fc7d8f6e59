using System.Text.RegularExpressions;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Pages.Tests.Support;

namespace HospitalOrleans.Pages.Tests;

[Collection(SiteCollection.Name)]
public sealed class OperationsBoardTests(HospitalSite site)
{
    [Fact]
    public async Task OperationsChangeOnePoolsOnlineShareAndTheBoardShowsTheNewSplit()
    {
        var page = await site.StaffPageAsync("ops1");
        await Expect(page).ToHaveURLAsync(new Regex("/ops/board$"));
        var day = Dates.Bookable.ElementAt(1);
        await page.GotoAsync($"/ops/board?date={Dates.Iso(day)}");
        var card = page.Locator($"[data-board-date='{Dates.Iso(day)}'] [data-testid=board-pool][data-department=GYN]").First;
        var poolId = await card.GetAttributeAsync("data-pool");
        card = page.Locator($"[data-pool='{poolId}']");
        var onlineQuota = int.Parse(await card.Locator("[data-f=online-quota]").InnerTextAsync());
        var windowQuota = int.Parse(await card.Locator("[data-f=window-quota]").InnerTextAsync());
        var percent = int.Parse(await card.Locator("[data-f=percent]").InnerTextAsync());
        var newPercent = percent == 60 ? 40 : 60;
        var total = onlineQuota + windowQuota;
        var expectedOnline = (int)Math.Round(total * newPercent / 100m, MidpointRounding.AwayFromZero);

        await card.Locator("[data-testid=change-ratio]").ClickAsync();
        await card.Locator("input[name=percent]").FillAsync($"{newPercent}");
        await card.Locator("input[name=reason]").FillAsync("门诊量上升，增加网上号源");
        await HospitalSite.ScreenshotAsync(page, "20-board-change", fullPage: false);
        await card.Locator("[data-testid=apply-ratio]").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"网上比例 {newPercent}%，网上 {expectedOnline} 个号，窗口 {total - expectedOnline} 个号");
        await Expect(card.Locator("[data-f=percent]")).ToHaveTextAsync($"{newPercent}");
        await Expect(card.Locator("[data-f=online-quota]")).ToHaveTextAsync($"{expectedOnline}");
        await Expect(card.Locator("[data-f=window-quota]")).ToHaveTextAsync($"{total - expectedOnline}");
        await card.ScrollIntoViewIfNeededAsync();
        await HospitalSite.ScreenshotAsync(page, "21-board-changed", fullPage: false);
    }

    [Fact]
    public async Task ARatioOutsideZeroToHundredOrWithoutAReasonIsRefusedPlainlyAndChangesNothing()
    {
        var page = await site.StaffPageAsync("ops1");
        var day = Dates.Bookable.ElementAt(2);
        await page.GotoAsync($"/ops/board?date={Dates.Iso(day)}");
        var poolId = await page.Locator($"[data-board-date='{Dates.Iso(day)}'] [data-testid=board-pool][data-department=GYN]").First.GetAttributeAsync("data-pool");
        var card = page.Locator($"[data-pool='{poolId}']");
        var onlineQuota = await card.Locator("[data-f=online-quota]").InnerTextAsync();

        await card.Locator("[data-testid=change-ratio]").ClickAsync();
        await card.Locator("input[name=percent]").FillAsync("150");
        await card.Locator("[data-testid=apply-ratio]").ClickAsync();

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("网上比例请填写 0 到 100 之间的整数。 请填写调整原因（不超过 200 字）。");
        await Expect(card.Locator("[data-f=online-quota]")).ToHaveTextAsync(onlineQuota);
        await Expect(card.Locator("input[name=percent]")).ToHaveValueAsync("150"); // the form stays open with what was typed
        var pool = await site.Grains.GetGrain<INumberPoolGrain>(poolId!).GetAsync();
        Assert.Equal(onlineQuota, $"{pool!.OnlineQuota}");
    }

    [Fact]
    public async Task OperationsChangeAWholeDepartmentOverADateRange()
    {
        var page = await site.StaffPageAsync("ops1");
        var from = Dates.Bookable.ElementAt(0);
        var to = Dates.Bookable.ElementAt(1);
        await page.GotoAsync($"/ops/board?date={Dates.Iso(from)}");
        var form = page.Locator("[data-testid=bulk-form]");

        await form.Locator("select[name=departmentId]").SelectOptionAsync("HNS");
        await form.Locator("input[name=from]").FillAsync(Dates.Iso(from));
        await form.Locator("input[name=to]").FillAsync(Dates.Iso(to));
        await form.Locator("input[name=percent]").FillAsync("35");
        await form.Locator("input[name=reason]").FillAsync("头颈外科专家义诊周");
        await form.Locator("[data-testid=apply-department]").ClickAsync();

        var cards = page.Locator("[data-testid=board-pool][data-department=HNS]");
        var count = await cards.CountAsync();
        Assert.True(count > 0);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"已调整 {count} 次门诊。");
        for (var i = 0; i < count; i++)
            await Expect(cards.Nth(i).Locator("[data-f=percent]")).ToHaveTextAsync("35");
    }

    [Fact]
    public async Task TheBoardFollowsNewBookingsWithoutAReload()
    {
        var page = await site.StaffPageAsync("ops1");
        var day = Dates.Bookable.ElementAt(3);
        await page.GotoAsync($"/ops/board?date={Dates.Iso(day)}");
        var poolId = await page.Locator($"[data-board-date='{Dates.Iso(day)}'] [data-testid=board-pool][data-department=ICW]").First.GetAttributeAsync("data-pool");
        var card = page.Locator($"[data-pool='{poolId}']");
        var issued = int.Parse(await card.Locator("[data-f=online-issued]").InnerTextAsync());
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        var booked = await site.Grains.Patient(HospitalSite.NewPatientId()).BookOnlineAsync(poolId!, Guid.NewGuid().ToString("N"), null);
        Assert.Equal(PoolOutcome.Ok, booked.Outcome);

        await Expect(card.Locator("[data-f=online-issued]")).ToHaveTextAsync($"{issued + 1}", new() { Timeout = 20_000 });
        Assert.NotEqual("0%", await card.Locator("[data-f=online-bar]").EvaluateAsync<string>("e => e.style.width"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
    }

    [Fact]
    public async Task TheBoardIsForOperationsOnly()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/ops/board");

        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fops%2Fboard$"));
    }
}
