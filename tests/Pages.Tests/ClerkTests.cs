using System.Text.RegularExpressions;
using HospitalOrleans.Pages.Tests.Support;

namespace HospitalOrleans.Pages.Tests;

[Collection(SiteCollection.Name)]
public sealed partial class ClerkTests(HospitalSite site)
{
    [Fact]
    public async Task ClerkDrawsAWindowNumberAndGetsAPrintableTicketThatJoinsTheQueue()
    {
        var page = await site.StaffPageAsync("clerk1");
        await Expect(page).ToHaveURLAsync(new Regex("/clerk$"));
        var day = Dates.Iso(Dates.Bookable.ElementAt(1));
        await page.GotoAsync($"/clerk?date={day}&departmentId=RAD");
        var pool = page.Locator("[data-testid=clerk-pool]").First;
        var poolId = await pool.GetAttributeAsync("data-pool");
        var windowLeft = int.Parse(await pool.Locator("[data-testid=window-left]").InnerTextAsync());
        await HospitalSite.ScreenshotAsync(page, "10-clerk");
        var patientId = HospitalSite.NewPatientId();

        await pool.Locator("input[name=patientId]").FillAsync(patientId);
        await pool.Locator("[data-testid=draw]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/clerk/tickets/{poolId}-[0-9]{{3}}$"));
        var ticket = page.Locator("[data-testid=ticket]");
        await Expect(ticket.Locator("[data-testid=serial]")).ToHaveTextAsync(new Regex("^[0-9]+$"));
        await Expect(ticket).ToContainTextAsync(patientId);
        await Expect(ticket).ToContainTextAsync("放疗科");
        await Expect(ticket.Locator("[data-testid=place]")).ToHaveTextAsync("放疗中心 1F 108–112");
        await HospitalSite.ScreenshotAsync(page, "11-ticket");
        var serial = await ticket.Locator("[data-testid=serial]").InnerTextAsync();

        // Printed, only the ticket shows, its serial larger than on screen.
        var screenSize = await FontSizeAsync(ticket.Locator("[data-testid=serial]"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeHiddenAsync();
        Assert.True(await FontSizeAsync(ticket.Locator("[data-testid=serial]")) > screenSize);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync($"/clerk?date={day}&departmentId=RAD");
        await Expect(page.Locator($"[data-pool='{poolId}'] [data-testid=window-left]")).ToHaveTextAsync($"{windowLeft - 1}");

        await page.GotoAsync($"/clerk/queue/{poolId}");
        var row = page.Locator("[data-testid=queue-row]").Filter(new() { HasText = patientId });
        await Expect(row.Locator(".serial")).ToHaveTextAsync(serial);
        await Expect(row.Locator("[data-testid=status]")).ToHaveTextAsync("已确认");
        await HospitalSite.ScreenshotAsync(page, "12-queue");

        await row.Locator("[data-testid=cancel]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{serial} 号已取消，号已退回。");
        await Expect(row.Locator("[data-testid=status]")).ToHaveTextAsync("已取消");
    }

    [Fact]
    public async Task DrawingTwiceForOnePatientShowsAPlainMessageAndIssuesNothing()
    {
        var page = await site.StaffPageAsync("clerk1");
        var day = Dates.Iso(Dates.Bookable.ElementAt(2));
        await page.GotoAsync($"/clerk?date={day}&departmentId=INT");
        var poolId = await page.Locator("[data-testid=clerk-pool]").First.GetAttributeAsync("data-pool");
        var pool = page.Locator($"[data-pool='{poolId}']");
        var patientId = HospitalSite.NewPatientId();
        await pool.Locator("input[name=patientId]").FillAsync(patientId);
        await pool.Locator("[data-testid=draw]").ClickAsync();
        await page.GotoAsync($"/clerk?date={day}&departmentId=INT");
        var windowLeft = await pool.Locator("[data-testid=window-left]").InnerTextAsync();

        await pool.Locator("input[name=patientId]").FillAsync(patientId);
        await pool.Locator("[data-testid=draw]").ClickAsync();

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("这位患者在这次门诊已经有号了，不能重复挂号。");
        await Expect(pool.Locator("[data-testid=window-left]")).ToHaveTextAsync(windowLeft);
        await Expect(pool.Locator("input[name=patientId]")).ToHaveValueAsync(patientId);
    }

    [Fact]
    public async Task APatientCannotOpenTheClerkPages()
    {
        var page = await site.PatientPageAsync(HospitalSite.NewPatientId());

        await page.GotoAsync("/clerk");

        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fclerk$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("当前账号不能打开这个页面，请换一个账号登录。");
    }

    private static Task<double> FontSizeAsync(ILocator element) =>
        element.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
}
