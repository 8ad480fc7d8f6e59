using System.Text.RegularExpressions;
using HospitalOrleans.Pages.Tests.Support;
using HospitalOrleans.Tests.Shared;

namespace HospitalOrleans.Pages.Tests;

[Collection(SiteCollection.Name)]
public sealed partial class PatientBookingTests(HospitalSite site)
{
    [Fact]
    public async Task PatientBooksFromDepartmentToDoctorToPeriodAndFindsTheSerialInMyBookings()
    {
        var page = await site.PatientPageAsync(HospitalSite.NewPatientId());
        await Expect(page.Locator("[data-testid=no-bookings]")).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await HospitalSite.ScreenshotAsync(page, "01-home");
        await page.ClickAsync("[data-testid=department][data-department=TMO]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("胸部肿瘤内科");
        await HospitalSite.ScreenshotAsync(page, "02-department");
        await page.ClickAsync("[data-testid=doctor][data-doctor=D002]");
        await HospitalSite.ScreenshotAsync(page, "03-doctor");
        await page.Locator(Dates.BookableSelector("[data-testid=session][data-open=true]")).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(PoolAddress());
        await HospitalSite.ScreenshotAsync(page, "04-pool");

        var period = page.Locator("[data-testid=period]").Filter(new() { Has = page.Locator("[data-testid=book]") }).First;
        var start = await period.GetAttributeAsync("data-start");
        await period.Locator("[data-testid=book]").ClickAsync();

        await Expect(page).ToHaveURLAsync(BookingAddress());
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("预约成功");
        var serial = await page.Locator("[data-testid=serial]").InnerTextAsync();
        Assert.Matches("^[0-9]+$", serial);
        await Expect(page.Locator("[data-testid=period]")).ToContainTextAsync($"{start}–");
        await Expect(page.Locator("[data-testid=place]")).ToHaveTextAsync("门诊楼 3F 301–306");
        await Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("待支付");
        await Expect(page.Locator("[data-testid=pay-by]")).ToHaveTextAsync(new Regex("^[0-2][0-9]:[0-5][0-9]$"));
        await Expect(page.Locator(".facts")).ToContainTextAsync("¥30.00");
        await HospitalSite.ScreenshotAsync(page, "05-booked");
        var bookingId = page.Url.Split('/').Last();

        await page.ClickAsync("a[href='/me/bookings']");
        var mine = page.Locator("[data-testid=booking]");
        await Expect(mine).ToHaveCountAsync(1);
        await Expect(mine).ToHaveAttributeAsync("data-booking", bookingId);
        await Expect(mine.Locator("[data-testid=serial]")).ToHaveTextAsync(serial);
        await HospitalSite.ScreenshotAsync(page, "06-my-bookings");
    }

    [Fact]
    public async Task PayingInTheCashierConfirmsAndCancellingRefundsTheFeeAndGivesTheNumberBack()
    {
        var (page, _) = await PatientCards.WeChatUserAsync(site, "/doctors/D003");
        await PatientCards.BindAsync(page, TestIdentities.NewPerson());
        await OpenBookablePoolAsync(page, "D003");
        var period = page.Locator("[data-testid=period]").Filter(new() { Has = page.Locator("[data-testid=book]") }).First;
        var start = await period.GetAttributeAsync("data-start");
        var leftBefore = await period.Locator(".left").InnerTextAsync();
        await period.Locator("[data-testid=book]").ClickAsync();
        var poolAddress = "/pools/" + page.Url.Split('/').Last()[..^4];
        await Expect(page.Locator("[data-testid=pay]")).ToHaveTextAsync(new Regex("^去支付 ¥[0-9]+\\.00$"));

        await Cashier.PayBookingAsync(page);
        await page.ClickAsync("[data-testid=view-booking]");
        await Expect(page.Locator("[data-testid=booking] [data-testid=status]")).ToHaveTextAsync("已确认");
        await Expect(page.Locator("[data-testid=pay]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=refund-rule]")).ToHaveAttributeAsync("data-allowed", "true");

        await page.ClickAsync("[data-testid=cancel]");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^预约已取消，挂号费 ¥[0-9]+\\.00 将原路退回微信。$"));
        await Expect(page.Locator("[data-testid=booking] [data-testid=status]")).ToHaveTextAsync("已取消");
        await Expect(page.Locator("[data-testid=cancel]")).ToHaveCountAsync(0);

        await page.GotoAsync(poolAddress);
        await Expect(page.Locator($"[data-testid=period][data-start='{start}'] .left")).ToHaveTextAsync(leftBefore);
    }

    [Fact]
    public async Task DoubleSubmitOfOneBookingFormBooksOnce()
    {
        var page = await site.PatientPageAsync(HospitalSite.NewPatientId());
        await OpenBookablePoolAsync(page, "D004");

        // The same rendered form (same request id, same antiforgery token) sent twice, as a double tap does.
        var landed = await page.EvaluateAsync<string[]>("""
            async () => {
              const form = document.querySelector('[data-testid=book]').closest('form');
              const send = () => fetch(form.action, { method: 'POST', body: new FormData(form) }).then(r => new URL(r.url).pathname);
              return Promise.all([send(), send()]);
            }
            """);

        Assert.Equal(landed[0], landed[1]);
        Assert.Matches(BookingAddress(), landed[0]);
        await page.GotoAsync("/me/bookings");
        await Expect(page.Locator("[data-testid=booking]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task BookingNeedsAPatientSignInFirst()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/doctors/D006");
        await page.Locator(Dates.BookableSelector("[data-testid=session][data-open=true]")).First.ClickAsync();
        await Expect(page.Locator(".notice.info")).ToHaveTextAsync("预约前需要先登录。");
        var poolPath = new Uri(page.Url).AbsolutePath;

        await page.Locator("[data-testid=book]").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl="));
        await page.FillAsync("#patient-id", HospitalSite.NewPatientId());
        await page.ClickAsync("[data-testid=patient-sign-in]");
        Assert.Equal(poolPath, new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("[data-testid=book]").First).ToBeVisibleAsync();
    }

    private static async Task OpenBookablePoolAsync(IPage page, string doctorId)
    {
        await page.GotoAsync($"/doctors/{doctorId}");
        await page.Locator(Dates.BookableSelector("[data-testid=session][data-open=true]")).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(PoolAddress());
    }

    [GeneratedRegex("/pools/D[0-9]{3}-[0-9]{8}-(AM|PM)$")]
    private static partial Regex PoolAddress();

    [GeneratedRegex("/bookings/D[0-9]{3}-[0-9]{8}-(AM|PM)-[0-9]{3}$")]
    private static partial Regex BookingAddress();
}
