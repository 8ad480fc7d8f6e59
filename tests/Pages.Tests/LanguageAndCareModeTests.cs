using HospitalOrleans.Pages.Tests.Support;

namespace HospitalOrleans.Pages.Tests;

[Collection(SiteCollection.Name)]
public sealed class LanguageAndCareModeTests(HospitalSite site)
{
    [Fact]
    public async Task PagesSpeakChineseByDefaultAndEnglishAfterTheSwitch()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/departments/TMO");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("h1")).ToHaveTextAsync("胸部肿瘤内科");
        await Expect(page.Locator("h2")).ToHaveTextAsync("选择医生");

        await page.ClickAsync("[data-testid=switch-language]");

        Assert.EndsWith("/departments/TMO", page.Url);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thoracic Medical Oncology");
        await Expect(page.Locator("h2")).ToHaveTextAsync("Choose a doctor");
        await Expect(page.Locator("[data-doctor=D001]")).ToContainTextAsync("Wang Jianguo");
        await Expect(page.Locator("[data-doctor=D001]")).ToContainTextAsync("Renowned expert");
        await HospitalSite.ScreenshotAsync(page, "30-english");

        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Choose a department");

        await page.ClickAsync("[data-testid=switch-language]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("选择科室");
    }

    [Fact]
    public async Task CareModeEnlargesTheTextAndTheButtons()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/doctors/D010");
        var heading = await SizeAsync(page, "h1", "fontSize");
        var body = await SizeAsync(page, "body", "fontSize");
        var button = await SizeAsync(page, "[data-testid=switch-care]", "height");
        var session = await SizeAsync(page, "[data-testid=session] .title", "fontSize");

        await page.ClickAsync("[data-testid=switch-care]");

        await Expect(page.Locator("html")).ToHaveClassAsync("care");
        await Expect(page.Locator("[data-testid=switch-care]")).ToHaveTextAsync("标准模式");
        Assert.True(await SizeAsync(page, "h1", "fontSize") > heading);
        Assert.True(await SizeAsync(page, "body", "fontSize") > body);
        Assert.True(await SizeAsync(page, "[data-testid=switch-care]", "height") > button);
        Assert.True(await SizeAsync(page, "[data-testid=session] .title", "fontSize") > session);
        await HospitalSite.ScreenshotAsync(page, "31-care-mode-doctor");

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveClassAsync("care");
        await HospitalSite.ScreenshotAsync(page, "32-care-mode-home");
    }

    private static Task<double> SizeAsync(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<double>($"e => parseFloat(getComputedStyle(e).{property})");
}
