namespace HospitalOrleans.Pages.Tests.Support;

/// <summary>
/// Paying as a patient's browser does against the WeChat simulator (there is no JS bridge outside
/// WeChat): the checkout's WeChat Pay link opens the simulator's cashier, 确认支付 pays, and its
/// link back lands on the bill, which reads the result.
/// </summary>
public static class Cashier
{
    /// <summary>From a checkout page to the paid bill.</summary>
    public static async Task PayAsync(IPage page)
    {
        await Expect(page.Locator("[data-testid=checkout]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=wechat-pay]");
        await Expect(page.Locator("[data-testid=pay-page]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=pay-confirm]");
        await Expect(page.Locator("[data-testid=pay-result-code]")).ToHaveAttributeAsync("data-code", "SUCCESS");
        await page.ClickAsync("[data-testid=pay-return]");
        await Expect(page.Locator("[data-testid=bill-result]")).ToHaveAttributeAsync("data-state", "paid");
        await Expect(page.Locator("[data-testid=bill-result]")).ToHaveTextAsync("支付成功");
    }

    /// <summary>From a booking's page (or its card on /me/bookings) through the checkout to the paid bill.</summary>
    public static async Task PayBookingAsync(IPage page, ILocator? booking = null)
    {
        await (booking ?? page.Locator("[data-testid=booking]")).Locator("[data-testid=pay]").ClickAsync();
        await PayAsync(page);
    }
}
