using System.Text.RegularExpressions;
using HospitalOrleans.Pages.Tests.Support;
using HospitalOrleans.Tests.Shared;

namespace HospitalOrleans.Pages.Tests;

/// <summary>
/// A patient's side of the WeChat account, on the simulator's phone page. The journey books with
/// 血液肿瘤科 (HEM), a department no other page test touches.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class WeChatJourneyTests(HospitalSite site)
{
    [Fact]
    public async Task ANewcomerFollowsBooksThroughTheMenuPaysInTheCashierAndFindsTheConfirmationWithItsSerialInTheChat()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var page = await site.NewPageAsync();
        await page.GotoAsync($"{site.WeChat.BaseUrl}/");
        await page.ClickAsync("[data-testid=new-user]");
        var phone = page.Locator("[data-testid=phone]");
        await Expect(phone).ToHaveAttributeAsync("data-following", "false");
        var openId = (await phone.GetAttributeAsync("data-openid"))!;
        await Expect(page.Locator($"[data-testid=user][data-openid='{openId}']")).ToHaveClassAsync(new Regex("\\bselected\\b"));
        await Expect(page.Locator("[data-testid=current-openid]")).ToContainTextAsync(openId);

        await page.ClickAsync("[data-testid=follow]");
        await Expect(phone).ToHaveAttributeAsync("data-following", "true");
        await Expect(WeChatPhone.AccountSaid(page).Last).ToContainTextAsync("欢迎关注肿瘤医院服务号！");
        await Expect(page.Locator("[data-testid=menu-bar] [data-testid=menu-item]")).ToHaveCountAsync(3);
        await HospitalSite.ScreenshotAsync(page, "50-wechat-welcome");

        // The menu link goes through WeChat's sign-in: the simulator asks "sign in as" this OpenID.
        await page.ClickAsync("[data-testid=menu-item][data-name=预约挂号]");
        await Expect(page.Locator("[data-testid=openid-input]")).ToHaveValueAsync(openId);
        await HospitalSite.ScreenshotAsync(page, "51-wechat-authorize");
        await page.ClickAsync("[data-testid=allow]");

        // A newcomer has no patient card yet: binding one comes first, then on to where the menu led.
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/me/patients?returnUrl=%2F");
        await PatientCards.BindAsync(page, TestIdentities.NewPerson());
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("选择科室");
        await Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
        await Expect(page.Locator("nav.main a[href='/me/bookings']")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=department][data-department=HEM]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("血液肿瘤科");
        await page.ClickAsync("[data-testid=doctor][data-doctor=D034]");
        await Expect(page.Locator("h1")).ToContainTextAsync("邓志远");
        await page.Locator(Dates.BookableSelector("[data-testid=session][data-open=true]")).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(PoolAddress());
        var period = page.Locator("[data-testid=period]").Filter(new() { Has = page.Locator("[data-testid=book]") }).First;
        await period.Locator("[data-testid=book]").ClickAsync();
        await Expect(page).ToHaveURLAsync(BookingAddress());
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("预约成功");
        var serial = await page.Locator("[data-testid=serial]").InnerTextAsync();
        var bookingId = page.Url.Split('/').Last();

        await Cashier.PayBookingAsync(page);
        await page.ClickAsync("[data-testid=view-booking]");
        await Expect(page.Locator("[data-testid=booking] [data-testid=status]")).ToHaveTextAsync("已确认");

        // Back in WeChat: the account has sent the booking-confirmed template message.
        await WeChatPhone.OpenAsync(page, site, openId);
        var card = page.Locator("[data-testid=template-card][data-template-id=demo_booking_confirmed]");
        await Expect(card.Locator(".row[data-key=character_string3] dd")).ToHaveTextAsync($"{serial}号", new() { Timeout = 30_000 });
        await Expect(card.Locator(".row[data-key=thing1] dd")).ToHaveTextAsync("血液肿瘤科 邓志远");
        await Expect(card.Locator(".row[data-key=thing4] dd")).ToHaveTextAsync("预约成功，请到住院楼2F候诊");
        await Expect(card.Locator("[data-testid=template-link]")).ToHaveAttributeAsync("href", $"{site.BaseUrl}/bookings/{bookingId}");
        await HospitalSite.ScreenshotAsync(page, "52-wechat-chat-confirmed");
        await HospitalSite.ScreenshotAsync(page, "53-wechat-chat-confirmed-screen", fullPage: false);

        // Its details link opens the booking, still signed in.
        await card.Locator("[data-testid=template-link]").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/bookings/{bookingId}");
        await Expect(page.Locator("[data-testid=serial]")).ToHaveTextAsync(serial);
    }

    [Fact]
    public async Task ScanningAFamousDoctorsCodeSendsTheDoctorsCardWhichOpensTheDoctorsPage()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var openId = await WeChatPhone.NewUserAsync(site, following: false);
        var page = await site.NewPageAsync();
        await WeChatPhone.OpenAsync(page, site, openId);

        await page.ClickAsync("[data-testid=scan]");
        await page.ClickAsync("[data-testid=scan-ticket][data-scene='doctor:D021']");

        // Not yet a follower: scanning follows the account through the doctor's code.
        await Expect(page.Locator("[data-testid=phone]")).ToHaveAttributeAsync("data-following", "true");
        var news = page.Locator("[data-testid=news-card]");
        await Expect(news).ToHaveCountAsync(1);
        await Expect(news.Locator("strong")).ToHaveTextAsync("郑淑芬 主任医师 · 胃肠外科");
        await Expect(news).ToHaveAttributeAsync("href", $"{site.BaseUrl}/doctors/D021");
        await HospitalSite.ScreenshotAsync(page, "54-wechat-doctor-card", fullPage: false);

        await news.ClickAsync();

        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/doctors/D021");
        await Expect(page.Locator("h1")).ToContainTextAsync("郑淑芬");
    }

    [Fact]
    public async Task TappingHospitalDirectionsUnderServicesAnswersWithTheDirectionsInTheChat()
    {
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var openId = await WeChatPhone.NewUserAsync(site, following: true);
        var page = await site.NewPageAsync();
        await WeChatPhone.OpenAsync(page, site, openId);
        var said = await WeChatPhone.AccountSaid(page).CountAsync();

        await page.ClickAsync("summary[data-testid=menu-item][data-name=服务]");
        await Expect(page.Locator("[data-testid=sub-menu-item]:visible")).ToHaveCountAsync(3);
        await HospitalSite.ScreenshotAsync(page, "55-wechat-services-menu", fullPage: false);
        await page.ClickAsync("[data-testid=sub-menu-item][data-name=来院导航]");

        await Expect(WeChatPhone.AccountSaid(page)).ToHaveCountAsync(said + 1);
        await Expect(WeChatPhone.AccountSaid(page).Last).ToContainTextAsync("医院地址：门诊楼位于院区南门");
        await Expect(page.Locator("[data-testid=chat-entry][data-kind=error]")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/pools/D[0-9]{3}-[0-9]{8}-(AM|PM)$")]
    private static partial Regex PoolAddress();

    [GeneratedRegex("/bookings/D[0-9]{3}-[0-9]{8}-(AM|PM)-[0-9]{3}$")]
    private static partial Regex BookingAddress();
}
