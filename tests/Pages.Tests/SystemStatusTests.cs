using System.Text.RegularExpressions;
using HospitalOrleans.GrainInterfaces.Operations;
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
    public async Task TheBoardShowsTheSiloAndThisFrontRunning()
    {
        var page = await site.StaffPageAsync("ops1");
        var status = page.Locator("[data-testid=cluster-status]");
        var thisFront = status.Locator($"[data-testid=machine][data-kind=front][data-name$=':{new Uri(site.BaseUrl).Port}']");
        // The front reports itself once it serves; the board is drawn when it is opened.
        for (var attempt = 0; attempt < 50 && await thisFront.CountAsync() == 0; attempt++)
        {
            await Task.Delay(200);
            await page.GotoAsync("/ops/board");
        }

        await status.Locator("summary").ClickAsync();
        await Expect(status.Locator("[data-testid=machine][data-kind=silo] .machine-state")).ToHaveTextAsync("正常运行");
        await Expect(thisFront.Locator(".machine-state")).ToHaveTextAsync("正常运行");
        await Expect(status.Locator("[data-testid=dashboard-link]")).ToHaveCountAsync(0);
        await HospitalSite.ScreenshotAsync(page, "22-board-system-status", fullPage: false);
    }

    [Fact]
    public async Task AFrontThatStopsShowsOnTheOpenBoardWithoutAReload()
    {
        var page = await site.StaffPageAsync("ops1");
        var status = page.Locator("[data-testid=cluster-status]");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var registry = site.Grains.GetGrain<IFrontRegistryGrain>(0);
        var name = $"front-{Guid.NewGuid():N}"[..14];

        await registry.BeatAsync(name, "http://10.0.0.9:5081", DateTimeOffset.UtcNow);
        await Expect(status.Locator($"[data-name='{name}'] .machine-state")).ToHaveTextAsync("正常运行", new() { Timeout = 30_000 });
        await registry.LeaveAsync(name);

        await Expect(status.Locator($"[data-name='{name}'] .machine-state")).ToHaveTextAsync("已停止", new() { Timeout = 30_000 });
        await Expect(status.Locator("[data-testid=cluster-verdict]")).ToHaveTextAsync("有机器需要查看");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
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
