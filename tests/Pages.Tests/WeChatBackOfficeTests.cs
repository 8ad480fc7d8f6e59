using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Pages.Tests.Support;
using HospitalOrleans.Tests.Shared;

namespace HospitalOrleans.Pages.Tests;

/// <summary>
/// The account's back office (menu versions, doctors' codes) and the WeChat way into the site.
/// The menu test puts the published menu back as it found it; the codes test uses 胸外科 (THS).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class WeChatBackOfficeTests(HospitalSite site)
{
    /// <summary>The third top-level item (服务): its row is the first of the third block of 1 + 5 rows.</summary>
    private const int ServicesRow = 2 * (1 + 5);

    [Fact]
    public async Task OperationsSeeThePublishedMenuRefuseAnOverlongNameThenSaveAndPublishAVersionAndRollBack()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var menus = site.Grains.GetGrain<IWeChatMenuGrain>(0);
        var before = await menus.GetAsync();
        var published = before.PublishedVersion!.Value;
        try
        {
            var page = await site.StaffPageAsync("ops1");
            await page.ClickAsync("nav.main a[href='/ops/wechat-menu']");
            await Expect(page.Locator("h1")).ToHaveTextAsync("服务号菜单");
            var live = page.Locator("section.card").Filter(new() { Has = page.Locator("h2", new() { HasText = "当前发布" }) }).First;
            await Expect(live.Locator("h2")).ToContainTextAsync($"预览 · 第 {published} 版");
            await Expect(live.Locator("[data-testid=menu-preview] .menu-preview-item")).ToHaveCountAsync(3);
            await Expect(live.Locator("[data-testid=menu-preview]")).ToContainTextAsync("预约挂号");
            await Expect(live.Locator("[data-testid=menu-preview]")).ToContainTextAsync("来院导航");
            var versions = page.Locator("[data-testid=menu-version]");
            var count = await versions.CountAsync();
            Assert.Equal(before.Versions.Count, count);
            await Expect(page.Locator($"[data-testid=menu-version][data-version='{published}'] .badge")).ToHaveTextAsync("当前发布");
            await Expect(page.Locator($"[data-testid=menu-name-{ServicesRow}]")).ToHaveValueAsync("服务");
            await HospitalSite.ScreenshotAsync(page, "60-wechat-menu-editor");

            // Six Chinese characters are 18 bytes in UTF-8; a top-level name allows 16.
            await page.FillAsync($"[data-testid=menu-name-{ServicesRow}]", "便民服务中心");
            await page.ClickAsync("[data-testid=menu-save]");

            await Expect(page.Locator("[data-testid=failure]")).ToContainTextAsync("一级菜单 3");
            await Expect(page.Locator($"[data-testid=menu-name-{ServicesRow}]")).ToHaveValueAsync("便民服务中心"); // what was typed stays
            await Expect(versions).ToHaveCountAsync(count);
            Assert.Equal(before.Versions.Count, (await menus.GetAsync()).Versions.Count);
            await HospitalSite.ScreenshotAsync(page, "61-wechat-menu-refused");

            // Four characters (12 bytes) are fine: saved as a new version, not yet live.
            await page.FillAsync($"[data-testid=menu-name-{ServicesRow}]", "便民服务");
            await page.ClickAsync("[data-testid=menu-save]");

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存为新版本，发布后才会在微信里生效。");
            await Expect(versions).ToHaveCountAsync(count + 1);
            var saved = int.Parse((await versions.First.GetAttributeAsync("data-version"))!);
            Assert.True(saved > published);
            var newest = page.Locator($"[data-testid=menu-version][data-version='{saved}']");
            await Expect(newest.Locator("[data-testid=menu-preview]")).ToContainTextAsync("便民服务");
            Assert.Equal("服务", await TopLevelNameAsync(2));

            await newest.Locator("[data-testid=menu-publish]").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已发布到微信");
            await Expect(live.Locator("h2")).ToContainTextAsync($"第 {saved} 版");
            await Expect(live.Locator("[data-testid=menu-preview]")).ToContainTextAsync("便民服务");
            Assert.Equal("便民服务", await TopLevelNameAsync(2));
            var phone = await site.NewPageAsync();
            await WeChatPhone.OpenAsync(phone, site, await WeChatPhone.NewUserAsync(site, following: true));
            await Expect(phone.Locator("[data-testid=menu-bar] [data-testid=menu-item]")).ToHaveCountAsync(3);
            await Expect(phone.Locator("[data-testid=menu-bar] [data-testid=menu-item]").Nth(2)).ToHaveAttributeAsync("data-name", "便民服务");

            // Rolling back is publishing the older version again.
            var previous = page.Locator($"[data-testid=menu-version][data-version='{published}'] [data-testid=menu-publish]");
            await Expect(previous).ToHaveTextAsync("回滚到此版本");
            await previous.ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已发布到微信");
            await Expect(live.Locator("h2")).ToContainTextAsync($"第 {published} 版");
            await Expect(page.Locator($"[data-testid=menu-version][data-version='{saved}'] [data-testid=menu-publish]")).ToHaveTextAsync("发布此版本");
            Assert.Equal("服务", await TopLevelNameAsync(2));
            await phone.ReloadAsync();
            await Expect(phone.Locator("[data-testid=menu-bar] [data-testid=menu-item]").Nth(2)).ToHaveAttributeAsync("data-name", "服务");
            Assert.Equal(published, (await menus.GetAsync()).PublishedVersion);
        }
        finally
        {
            // The other WeChat tests tap the demo menu: leave it published whatever happened above.
            if ((await menus.GetAsync()).PublishedVersion != published) await menus.PublishAsync(published, "pages-test-cleanup");
        }
    }

    [Fact]
    public async Task AnOverlongTopLevelNameIsExplainedInPlainChinese()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var page = await site.StaffPageAsync("ops1");
        await page.GotoAsync("/ops/wechat-menu");
        await page.FillAsync($"[data-testid=menu-name-{ServicesRow}]", "便民服务中心");

        await page.ClickAsync("[data-testid=menu-save]");

        var failure = page.Locator("[data-testid=failure]");
        await Expect(failure).ToContainTextAsync("一级菜单 3");
        await Expect(failure).ToContainTextAsync("16 字节");
        await Expect(failure).ToHaveTextAsync(new Regex("^[^A-Za-z]+$")); // no English words, no "name" path segment
    }

    [Fact]
    public async Task TheDoctorsCodesPageShowsEachDoctorsQrCodeOfTheChosenDepartment()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var page = await site.StaffPageAsync("ops1");
        await page.GotoAsync("/ops/wechat-menu");
        await page.ClickAsync("[data-testid=doctor-codes-link]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("医生专属二维码");

        await page.SelectOptionAsync("select[name=departmentId]", "THS");
        await page.ClickAsync("form.row button[type=submit]");

        await Expect(page).ToHaveURLAsync(new Regex("/ops/doctor-codes\\?departmentId=THS$"));
        var codes = page.Locator("[data-testid=doctor-code]");
        await Expect(codes).ToHaveCountAsync(4);
        string[] doctors = ["D037", "D038", "D039", "D040"];
        for (var i = 0; i < doctors.Length; i++)
        {
            var code = codes.Nth(i);
            await Expect(code).ToHaveAttributeAsync("data-doctor", doctors[i]);
            var image = code.Locator("img");
            await image.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
        }
        await Expect(codes.First.Locator("figcaption")).ToHaveTextAsync("沈佳 · 主任医师");
        await HospitalSite.ScreenshotAsync(page, "62-doctor-codes");

        // The codes are the account's own permanent codes, so the phone's 扫一扫 now lists them.
        var scenes = await WeChatPhone.QrScenesAsync(site);
        foreach (var doctor in doctors) Assert.Single(scenes, s => s == $"doctor:{doctor}");
    }

    [Fact]
    public async Task TheSignInPageOffersWeChatSignInWhichReturnsToThePageAskedFor()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var page = await site.NewPageAsync();
        await page.GotoAsync("/me/bookings");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fme%2Fbookings$"));
        var wechat = page.Locator("[data-testid=wechat-sign-in]");
        await Expect(wechat).ToHaveTextAsync("微信授权登录");
        await Expect(wechat).ToHaveAttributeAsync("href", "/signin/wechat?returnUrl=%2Fme%2Fbookings");
        await Expect(page.Locator("[data-testid=wechat-sign-in-problem]")).ToHaveCountAsync(0);

        await wechat.ClickAsync();
        await Expect(page.Locator("[data-testid=openid-input]")).ToHaveValueAsync(new Regex("^[A-Za-z0-9_-]+$"));
        await page.ClickAsync("[data-testid=allow]");

        // A new WeChat user binds a card first, then goes on to the page asked for.
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/me/patients?returnUrl=%2Fme%2Fbookings");
        await PatientCards.BindAsync(page, TestIdentities.NewPerson());
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/me/bookings");
        await Expect(page.Locator("[data-testid=no-bookings]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AFailedWeChatSignInComesBackToTheSignInPageWithAPlainMessage()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/signin?wechat=expired");

        await Expect(page.Locator("[data-testid=wechat-sign-in-problem]")).ToHaveTextAsync("微信登录码已失效（只能使用一次，5 分钟内有效），请重新登录。");
        await Expect(page.Locator("[data-testid=wechat-sign-in]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=sign-out]")).ToHaveCountAsync(0);
        await HospitalSite.ScreenshotAsync(page, "63-wechat-sign-in-expired", fullPage: false);
    }

    [Fact]
    public async Task DecliningOnTheWeChatPageSaysSoAndSignsNobodyIn()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var page = await site.NewPageAsync();
        await page.GotoAsync("/signin");

        await page.ClickAsync("[data-testid=wechat-sign-in]");
        await page.ClickAsync("[data-testid=deny]");

        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/signin?wechat=refused");
        await Expect(page.Locator("[data-testid=wechat-sign-in-problem]")).ToHaveTextAsync("您取消了微信授权，没有登录。");
        await Expect(page.Locator("[data-testid=sign-out]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ACallbackWhoseCodeWasAlreadyUsedSaysTheSignInExpired()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var page = await site.NewPageAsync();
        await page.GotoAsync("/signin/wechat?returnUrl=%2F");
        var form = page.Locator("form[action='/connect/oauth2/authorize/decide']");
        await Expect(form).ToBeVisibleAsync();

        // WeChat's answer for this browser's attempt, but its code is spent before the browser arrives
        // (as when the callback is loaded twice).
        var fields = new Dictionary<string, string>();
        foreach (var name in new[] { "appid", "redirect_uri", "response_type", "scope", "state" })
            fields[name] = (await form.Locator($"input[name={name}]").InputValueAsync())!;
        fields["openid"] = WeChatPhone.NewOpenId();
        fields["decision"] = "allow";
        using var wechat = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(site.WeChat.BaseUrl) };
        using var decided = await wechat.PostAsync("/connect/oauth2/authorize/decide", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var callback = decided.Headers.Location!;
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"];
        using var spent = await wechat.GetAsync($"/sns/oauth2/access_token?appid={DemoWeChat.AppId}&secret={DemoWeChat.AppSecret}&code={code}&grant_type=authorization_code");
        using (var tokens = JsonDocument.Parse(await spent.Content.ReadAsStringAsync()))
            Assert.True(tokens.RootElement.TryGetProperty("openid", out _));

        await page.GotoAsync(callback.ToString());

        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/signin?wechat=expired");
        await Expect(page.Locator("[data-testid=wechat-sign-in-problem]")).ToHaveTextAsync("微信登录码已失效（只能使用一次，5 分钟内有效），请重新登录。");
        await Expect(page.Locator("[data-testid=sign-out]")).ToHaveCountAsync(0);
    }

    private async Task<string?> TopLevelNameAsync(int index)
    {
        using var menu = await WeChatPhone.PublishedMenuAsync(site);
        return menu.RootElement.GetProperty("button")[index].GetProperty("name").GetString();
    }
}
