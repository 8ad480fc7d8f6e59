using System.Text.RegularExpressions;
using HospitalOrleans.Pages.Tests.Support;

namespace HospitalOrleans.Pages.Tests;

/// <summary>
/// The operations board says whether every silo and web front is up; administrators reach the
/// Orleans Dashboard from it, and nobody else does.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SystemStatusTests(HospitalSite site)
{
    [Fact]
    public async Task TheBoardShowsTheSiloAndTheFrontRunning()
    {
        var page = await site.StaffPageAsync("ops1");
        var status = page.Locator("[data-testid=cluster-status]");
        // The front reports itself once it serves; the board is drawn when it is opened.
        for (var attempt = 0; attempt < 50 && await status.GetAttributeAsync("data-all-up") != "true"; attempt++)
        {
            await Task.Delay(200);
            await page.GotoAsync("/ops/board");
        }

        await Expect(status.Locator("[data-testid=cluster-verdict]")).ToHaveTextAsync("全部正常");
        await Expect(status).ToContainTextAsync("服务节点 1/1 台正常，网页前端 1/1 台正常。");
        await status.Locator("summary").ClickAsync();
        await Expect(status.Locator("[data-testid=machine][data-kind=silo] .machine-state")).ToHaveTextAsync("正常运行");
        await Expect(status.Locator("[data-testid=machine][data-kind=front] .machine-state")).ToHaveTextAsync("正常运行");
        await Expect(status.Locator("[data-testid=dashboard-link]")).ToHaveCountAsync(0);
        await HospitalSite.ScreenshotAsync(page, "22-board-system-status", fullPage: false);
    }

    [Fact]
    public async Task AnAdministratorOpensTheOrleansDashboardFromTheBoard()
    {
        var page = await site.StaffPageAsync("admin1");
        await page.GotoAsync("/ops/board");

        await page.Locator("[data-testid=dashboard-link]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/ops/dashboard/$"));
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        await Expect(page.Locator("body")).ToContainTextAsync("NumberPoolGrain", new() { Timeout = 20_000 });
        await HospitalSite.ScreenshotAsync(page, "23-orleans-dashboard", fullPage: false);
    }

    [Fact]
    public async Task OperationsStaffWhoAreNotAdministratorsCannotOpenTheDashboard()
    {
        var page = await site.StaffPageAsync("ops1");

        await page.GotoAsync("/ops/dashboard/");

        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        Assert.DoesNotContain("Orleans Dashboard", await page.TitleAsync(), StringComparison.Ordinal);
    }
}
