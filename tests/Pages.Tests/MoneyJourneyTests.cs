using System.Text.RegularExpressions;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.Pages.Tests.Support;
using HospitalOrleans.Tests.Shared;

namespace HospitalOrleans.Pages.Tests;

/// <summary>
/// Money on the pages (issue 5): paying a booking and a doctor's bill through WeChat Pay (the
/// simulator's cashier), cancelling with a refund, the window's till and receipt, and the finance
/// office's takings and reconciliation. On a site of their own whose clock reads 09:00 today, so
/// tomorrow's clinics are booked the day before the visit and the day's money is these tests' alone.
/// </summary>
[Collection(MoneySiteCollection.Name)]
public sealed partial class MoneyJourneyTests(MorningSite site)
{
    [Fact]
    public async Task ANewcomerPaysInTheCashierAndCancellingTheDayBeforeTheVisitRefundsTheFeeToWeChat()
    {
        var poolId = await TomorrowsClinicAsync();
        var (page, _, _) = await MoneySteps.WeChatPatientAsync(site, $"/pools/{poolId}");
        await BookFirstOpenPeriodAsync(page);
        var serial = await page.Locator("[data-testid=serial]").InnerTextAsync();

        await page.ClickAsync("[data-testid=pay]");
        await Expect(page.Locator("[data-testid=checkout] [data-testid=bill-source]")).ToHaveTextAsync("挂号费");
        await HospitalSite.ScreenshotAsync(page, "100-checkout");
        await Cashier.PayAsync(page);
        await HospitalSite.ScreenshotAsync(page, "101-paid");

        await page.ClickAsync("nav.main a[href='/me/bookings']");
        var booking = page.Locator("[data-testid=booking]");
        await Expect(booking.Locator("[data-testid=serial]")).ToHaveTextAsync(serial);
        await Expect(booking.Locator("[data-testid=status]")).ToHaveTextAsync("已确认");
        // Before cancelling: the rules say the fee comes back on the phone until the day before the visit.
        await Expect(booking.Locator("[data-testid=refund-rule]")).ToHaveAttributeAsync("data-allowed", "true");
        await Expect(booking.Locator("[data-testid=refund-rule]")).ToContainTextAsync("前可在网上退费；费用原路退回微信。");
        await Expect(booking.Locator("form[data-confirm]")).ToHaveAttributeAsync("data-confirm", new Regex("^确定要取消这个预约吗？就诊日（.+）前可在网上退费"));
        await HospitalSite.ScreenshotAsync(page, "102-bookings-paid");

        await booking.Locator("[data-testid=cancel]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^预约已取消，挂号费 ¥[0-9]+\\.00 将原路退回微信。$"));
        await Expect(booking.Locator("[data-testid=status]")).ToHaveTextAsync("已取消");

        // The refund is on its way (the simulator settles it half a second later), then back on WeChat.
        await booking.Locator("[data-testid=view-bill]").ClickAsync();
        var result = page.Locator("[data-testid=bill-result]");
        await Expect(result).ToHaveAttributeAsync("data-state", new Regex("^(refund-pending|refunded)$"));
        await Expect(page.Locator("[data-testid=bill-refund]")).ToContainTextAsync("退回微信支付");
        await HospitalSite.ScreenshotAsync(page, "103-refund");
        await ReloadUntilAsync(page, result, "refunded");
        await Expect(result).ToHaveTextAsync("已退款");
        await Expect(page.Locator("[data-testid=bill-refund] [data-testid=refund-state]")).ToHaveTextAsync("已退款");
        await Expect(page.Locator("[data-testid=bill-status]")).ToHaveTextAsync("已退款");
    }

    [Fact]
    public async Task ADoctorsBillOpensFromItsQrLinkForItsPatientOnlyAndIsPaidInTheCashier()
    {
        var (page, _, number) = await MoneySteps.WeChatPatientAsync(site);
        var bill = await MoneySteps.IssueAsync(site, number, ("CT01", "胸部CT平扫", 1, 26_000), ("LAB02", "血常规", 2, 2_500));

        await page.GotoAsync(bill.PayPath);
        var scanned = page.Locator("[data-testid=scanned-bill]");
        await Expect(scanned.Locator("[data-testid=bill-item]")).ToHaveCountAsync(2);
        await Expect(scanned.Locator("[data-testid=bill-item][data-code=LAB02]")).ToContainTextAsync("血常规");
        await Expect(scanned.Locator("[data-testid=bill-item][data-code=LAB02] .item-amount")).ToHaveTextAsync("¥50.00");
        await Expect(scanned.Locator("[data-testid=bill-total]")).ToHaveTextAsync("¥310.00");
        await Expect(scanned.Locator("[data-testid=bill-status]")).ToHaveTextAsync("待支付");
        await HospitalSite.ScreenshotAsync(page, "104-scan-to-pay");

        await scanned.Locator("[data-testid=pay]").ClickAsync();
        await Cashier.PayAsync(page);
        await Expect(page.Locator("[data-testid=bill-status]")).ToHaveTextAsync("已支付");
        await Expect(page.Locator("[data-testid=bill-payment]")).ToContainTextAsync("¥310.00 · 微信支付");

        // Scanned again once paid: nothing more to pay; and it is in the cost details.
        await page.GotoAsync(bill.PayPath);
        await Expect(page.Locator("[data-testid=scanned-bill] [data-testid=pay]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=nav-bills]");
        await Expect(page.Locator($"[data-testid=bill][data-invoice='{bill.InvoiceId}'] [data-testid=bill-status]")).ToHaveTextAsync("已支付");

        // A changed link, an expired one, and someone else's phone: a plain message, nothing of the bill.
        var tampered = bill.PayPath[..^1] + (bill.PayPath[^1] == 'A' ? 'B' : 'A');
        await page.GotoAsync(tampered);
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("二维码无效，请重新扫描诊室出示的二维码。");
        await Expect(page.Locator("[data-testid=scanned-bill]")).ToHaveCountAsync(0);
        var key = Convert.FromBase64String(DemoPatientSettings.Settings()["Billing:TokenKey"]);
        await page.GotoAsync("/pay/" + BillToken.Create(bill.InvoiceId, site.Clock.Now.AddMinutes(-1), key));
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("二维码已过期，请让诊室重新出示。");
        var (stranger, _, _) = await MoneySteps.WeChatPatientAsync(site);
        await stranger.GotoAsync(bill.PayPath);
        await Expect(stranger.Locator("[data-testid=failure]")).ToHaveTextAsync("没有找到这张账单。");
        await stranger.GotoAsync($"/me/bills/{bill.InvoiceId}");
        await Expect(stranger.Locator("[data-testid=failure]")).ToHaveTextAsync("没有找到这张账单。");
        Assert.DoesNotContain("胸部CT平扫", await stranger.ContentAsync());
    }

    [Fact]
    public async Task InsideWeChatThePayButtonHandsTheSignedArgumentsToTheJsBridge()
    {
        var (page, _, number) = await MoneySteps.WeChatPatientAsync(site);
        var bill = await MoneySteps.IssueAsync(site, number, ("LAB03", "肝功能", 1, 6_800));
        await page.AddInitScriptAsync(MoneySteps.BridgeScript);
        await page.GotoAsync($"/checkout/{bill.InvoiceId}");
        await Expect(page.Locator("[data-testid=open-in-wechat]")).ToBeHiddenAsync();

        // The patient closes WeChat's cashier: nothing paid, the page says so and stays.
        await page.EvaluateAsync("() => sessionStorage.setItem('bridgeAnswer', 'cancel')");
        await page.ClickAsync("[data-testid=wechat-pay]");
        await Expect(page.Locator("[data-testid=pay-message]")).ToHaveTextAsync("您取消了支付，没有扣款。可以再点“微信支付”。");

        await page.EvaluateAsync("() => sessionStorage.setItem('bridgeAnswer', 'ok')");
        await page.ClickAsync("[data-testid=wechat-pay]");
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/me/bills/{bill.InvoiceId}");
        var request = await MoneySteps.BridgeRequestAsync(page);
        Assert.Equal("getBrandWCPayRequest", request.GetProperty("name").GetString());
        var args = request.GetProperty("args");
        Assert.Equal(DemoWeChat.AppId, args.GetProperty("appId").GetString());
        Assert.Matches("^[0-9]{10}$", args.GetProperty("timeStamp").GetString());
        Assert.Equal("RSA", args.GetProperty("signType").GetString());
        Assert.False(string.IsNullOrEmpty(args.GetProperty("nonceStr").GetString()));
        Assert.False(string.IsNullOrEmpty(args.GetProperty("paySign").GetString()));
        var package = args.GetProperty("package").GetString()!;
        Assert.StartsWith("prepay_id=", package);

        // WeChat said ok but the money is not in yet: the bill says it is confirming, then reads the result.
        var result = page.Locator("[data-testid=bill-result]");
        await Expect(result).ToHaveAttributeAsync("data-state", "paying");
        await Expect(result).ToHaveTextAsync("正在确认支付结果");
        (await site.WeChat.Client.PostAsync($"/sim/api/pay/{package["prepay_id=".Length..]}/pay", null)).EnsureSuccessStatusCode();
        await ReloadUntilAsync(page, result, "paid");
        await Expect(page.Locator("[data-testid=bill-payment]")).ToContainTextAsync("¥68.00 · 微信支付");
    }

    [Fact]
    public async Task AClerkTakesCashForABillAndPrintsTheReceipt()
    {
        var (_, _, number) = await MoneySteps.WeChatPatientAsync(site);
        var bill = await MoneySteps.IssueAsync(site, number, ("DR01", "换药", 1, 4_500), ("MED07", "无菌纱布", 3, 150));
        var (clerk, _) = await MoneySteps.NewClerkAsync(site);
        await clerk.GotoAsync("/clerk");
        await clerk.ClickAsync("[data-testid=clerk-till]");
        await clerk.FillAsync("#bill-query", bill.InvoiceId);
        await clerk.ClickAsync("[data-testid=bill-lookup-submit]");
        var found = clerk.Locator("[data-testid=clerk-bill]");
        await Expect(found.Locator("[data-testid=bill-status]")).ToHaveTextAsync("待支付");
        await Expect(found.Locator("[data-testid=bill-patient]")).ToHaveTextAsync(number);
        await Expect(clerk.Locator("#payment-amount")).ToHaveValueAsync("49.50");

        await clerk.FillAsync("#payment-receipt", "");
        await clerk.ClickAsync("[data-testid=take-payment-submit]");
        await Expect(clerk.Locator("[data-testid=failure]")).ToHaveTextAsync("收据号或 POS 参考号请填写 1 至 64 位字母、数字、“-”或“_”。");
        await clerk.FillAsync("#payment-receipt", "R20261127-0042");
        await clerk.ClickAsync("[data-testid=take-payment-submit]");
        await Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("已支付 ¥49.50。");
        await Expect(found.Locator("[data-testid=bill-status]")).ToHaveTextAsync("已支付");
        await Expect(clerk.Locator("[data-testid=take-payment]")).ToHaveCountAsync(0);
        await HospitalSite.ScreenshotAsync(clerk, "105-clerk-till");

        await clerk.ClickAsync("[data-testid=print-receipt]");
        var receipt = clerk.Locator("[data-testid=receipt]");
        await Expect(receipt.Locator("[data-testid=receipt-hospital]")).ToHaveTextAsync("肿瘤医院 · 收费凭条");
        await Expect(receipt.Locator("[data-testid=bill-item]")).ToHaveCountAsync(2);
        await Expect(receipt.Locator("[data-testid=bill-item][data-code=MED07]")).ToContainTextAsync("¥1.50 × 3");
        await Expect(receipt.Locator("[data-testid=bill-total]")).ToHaveTextAsync("¥49.50");
        await Expect(receipt.Locator("[data-testid=bill-payment]")).ToContainTextAsync("¥49.50 · 现金");
        await Expect(receipt.Locator("[data-testid=bill-payment]")).ToContainTextAsync("R20261127-0042");
        await Expect(receipt.Locator("[data-testid=receipt-printed]")).ToHaveTextAsync(new Regex("^经办：测试窗口　打印：.+ 09:[0-5][0-9]$"));
        await Expect(clerk.Locator("[data-testid=print]")).ToBeVisibleAsync();
        await HospitalSite.ScreenshotAsync(clerk, "106-receipt");

        // The clerk's own drawer for the day: exactly this cash.
        await clerk.GotoAsync("/clerk/takings");
        var cash = clerk.Locator("[data-testid=takings-channel][data-channel=Cash]");
        await Expect(cash.Locator("[data-testid=paid-in]")).ToHaveTextAsync("¥49.50");
        await Expect(clerk.Locator("[data-testid=takings-net]")).ToHaveTextAsync("¥49.50");
    }

    [Fact]
    public async Task AWindowRefundAsksForAReasonAndTheFapiaoOnceOneWasIssued()
    {
        var (_, _, number) = await MoneySteps.WeChatPatientAsync(site);
        var bill = await MoneySteps.IssueAsync(site, number, ("MRI02", "头颅MRI", 1, 12_000));
        var (clerk, _) = await MoneySteps.NewClerkAsync(site);
        await clerk.GotoAsync($"/clerk/bills?q={bill.InvoiceId}");
        await clerk.CheckAsync("[data-testid=channel-card]");
        await clerk.FillAsync("#payment-receipt", "POS-778812");
        await clerk.ClickAsync("[data-testid=take-payment-submit]");
        await clerk.FillAsync("#fapiao-number", "FP20261127001");
        await clerk.ClickAsync("[data-testid=issue-fapiao-submit]");
        await Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("已记录发票 FP20261127001。");

        await clerk.FillAsync("#refund-amount", "20");
        await clerk.ClickAsync("[data-testid=refund-submit]");
        await Expect(clerk.Locator("[data-testid=failure]")).ToHaveTextAsync("请填写退费原因（不超过 200 字），会记入操作记录。");
        await clerk.FillAsync("#refund-amount", "20");
        await clerk.FillAsync("#refund-reason", "检查项目减少");
        await clerk.ClickAsync("[data-testid=refund-submit]");
        await Expect(clerk.Locator("[data-testid=failure]")).ToHaveTextAsync("该费用已开具发票 FP20261127001，退费须交回该发票。");
        await clerk.FillAsync("#refund-amount", "20");
        await clerk.FillAsync("#refund-reason", "检查项目减少");
        await clerk.FillAsync("#refund-fapiao", "FP20261127001");
        await clerk.ClickAsync("[data-testid=refund-submit]");

        await Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("¥20.00");
        var found = clerk.Locator("[data-testid=clerk-bill]");
        await Expect(found.Locator("[data-testid=bill-status]")).ToHaveTextAsync("部分退款");
        await Expect(found.Locator("[data-testid=bill-refund]")).ToContainTextAsync("¥20.00 · 退回银行卡 · 已退款");
        await Expect(found.Locator("[data-testid=bill-refund] .refund-reason")).ToHaveTextAsync("退款原因：检查项目减少");
        await Expect(clerk.Locator("#refund-amount")).ToHaveValueAsync("100.00");
        await Expect(clerk.Locator("[data-testid=print-receipt]")).ToHaveClassAsync(new Regex("\\bprimary\\b"));
    }

    [Fact]
    public async Task AtTheWindowAClerkFindsAPaidOnlineBookingByItsNumberAndCancelsItWithTheFeeBackToWeChat()
    {
        var (page, _, _) = await MoneySteps.WeChatPatientAsync(site, $"/pools/{await TomorrowsClinicAsync()}");
        var bookingId = await BookFirstOpenPeriodAsync(page);
        await Cashier.PayBookingAsync(page);

        var (clerk, _) = await MoneySteps.NewClerkAsync(site);
        await clerk.ClickAsync("[data-testid=nav-till]");
        await clerk.FillAsync("#bill-query", bookingId.ToLowerInvariant());
        await clerk.ClickAsync("[data-testid=bill-lookup-submit]");
        var found = clerk.Locator("[data-testid=clerk-bill]");
        await Expect(found.Locator("[data-testid=bill-source]")).ToHaveTextAsync("挂号费");
        await Expect(found.Locator("[data-testid=bill-status]")).ToHaveTextAsync("已支付");

        await clerk.ClickAsync("[data-testid=cancel-booking-submit]");
        await Expect(clerk.Locator("[data-testid=failure]")).ToHaveTextAsync("请填写原因（不超过 200 字），会记入操作记录。");
        await clerk.FillAsync("#cancel-reason", "患者当面要求取消");
        await clerk.ClickAsync("[data-testid=cancel-booking-submit]");
        await Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^预约已取消，挂号费 ¥[0-9]+\\.00 将原路退回微信。$"));
        await Expect(found.Locator("[data-testid=bill-refund] .refund-reason")).ToHaveTextAsync("退款原因：患者当面要求取消");
        await Expect(clerk.Locator("[data-testid=cancel-booking]")).ToHaveCountAsync(0);
        await ReloadUntilAsync(clerk, found.Locator("[data-testid=bill-refund]"), "Succeeded");

        await page.GotoAsync($"/bookings/{bookingId}");
        await Expect(page.Locator("[data-testid=booking] [data-testid=status]")).ToHaveTextAsync("已取消");
    }

    [Fact]
    public async Task FinanceRunsTheDaysReconciliationAndSeesItBalanced()
    {
        var (page, _, number) = await MoneySteps.WeChatPatientAsync(site);
        var bill = await MoneySteps.IssueAsync(site, number, ("US01", "腹部超声", 1, 18_000));
        await page.GotoAsync($"/checkout/{bill.InvoiceId}");
        await Cashier.PayAsync(page);

        var finance = await site.StaffPageAsync("finance1");
        await finance.ClickAsync("[data-testid=nav-finance]");
        await Expect(finance.Locator("h1")).ToHaveTextAsync("财务对账");
        await Expect(finance.Locator("[data-testid=takings]").First).ToHaveAttributeAsync("data-day", Dates.Iso(site.SiteToday));
        await Expect(finance.Locator("[data-testid=takings-channel][data-channel=WeChat] [data-testid=paid-in]").First).Not.ToHaveTextAsync("¥0.00");

        await finance.ClickAsync("[data-testid=run-reconciliation]");
        await Expect(finance.GetByRole(AriaRole.Status)).ToHaveTextAsync("对账完成。");
        var result = finance.Locator("[data-testid=reconciliation-result]");
        await Expect(result).ToHaveAttributeAsync("data-result", "balanced");
        await Expect(result).ToHaveTextAsync("对账平衡：我方记录与微信支付账单一致。");
        await Expect(finance.Locator("[data-testid=reconciled-at]")).ToContainTextAsync("由 finance1 对账");
        var ours = await finance.Locator("[data-testid=wechat-total-ours] td").AllInnerTextsAsync();
        var provider = await finance.Locator("[data-testid=wechat-total-provider] td").AllInnerTextsAsync();
        Assert.Equal(ours, provider);
        Assert.NotEqual("¥0.00", ours[^1]);
        await HospitalSite.ScreenshotAsync(finance, "107-finance");
    }

    [Fact]
    public async Task TheMoneyPagesSpeakEnglishAndFitAPhoneInCareMode()
    {
        var (page, _, number) = await MoneySteps.WeChatPatientAsync(site);
        var bill = await MoneySteps.IssueAsync(site, number, ("LAB09", "肿瘤标志物", 1, 16_050));
        await page.GotoAsync(bill.PayPath);
        await page.ClickAsync("[data-testid=switch-language]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pay a bill");
        await Expect(page.Locator("[data-testid=bill-source]")).ToHaveTextAsync("Consultation room");
        await Expect(page.Locator("[data-testid=bill-status]")).ToHaveTextAsync("Not paid");
        await Expect(page.Locator("[data-testid=pay]")).ToHaveTextAsync("Pay ¥160.50");
        await page.ClickAsync("[data-testid=switch-care]");
        await Expect(page.Locator("html")).ToHaveClassAsync("care");
        await Screens.AssertFitsAsync(page);
        await HospitalSite.ScreenshotAsync(page, "108-scan-to-pay-english-care");

        await page.ClickAsync("[data-testid=pay]");
        await Expect(page.Locator("[data-testid=wechat-pay]")).ToHaveTextAsync("Pay with WeChat ¥160.50");
        await Screens.AssertFitsAsync(page);
        await page.ClickAsync("[data-testid=nav-bills]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cost details");
        await Expect(page.Locator("[data-testid=bills-of]")).ToHaveTextAsync(new Regex("^Bills of "));
        await Expect(page.Locator("[data-testid=bill]")).ToHaveCountAsync(1);
        await Screens.AssertFitsAsync(page);
        await AssertNoChineseLabelsAsync(page);

        var finance = await site.StaffPageAsync("finance1");
        await finance.ClickAsync("[data-testid=switch-language]");
        await finance.GotoAsync("/finance");
        await Expect(finance.Locator("h2").First).ToContainTextAsync("All takings (every window and WeChat Pay)");
        await Expect(finance.Locator("[data-testid=run-reconciliation]")).ToHaveTextAsync("Reconcile now");
        await finance.ClickAsync("[data-testid=switch-care]");
        await Screens.AssertFitsAsync(finance);
        await AssertNoChineseLabelsAsync(finance);
    }

    /// <summary>The page's own words are all English (names of people and items may stay Chinese, they are data).</summary>
    private static async Task AssertNoChineseLabelsAsync(IPage page)
    {
        var labels = await page.Locator("main h1, main h3, main dt, main th, main button, main a.button, main label, main .notice").AllInnerTextsAsync();
        Assert.All(labels, label => Assert.DoesNotMatch("\\p{IsCJKUnifiedIdeographs}", label));
    }

    /// <summary>Reloads until <paramref name="shown"/>'s data-state reads <paramref name="state"/> (WeChat Pay answers asynchronously).</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator shown, string state)
    {
        for (var attempt = 0; attempt < 60 && await shown.GetAttributeAsync("data-state") != state; attempt++)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }
        await Expect(shown).ToHaveAttributeAsync("data-state", state);
    }

    /// <summary>On a clinic's page: books its first open period and returns the booking's number.</summary>
    private static async Task<string> BookFirstOpenPeriodAsync(IPage page)
    {
        await page.Locator("[data-testid=period]").Filter(new() { Has = page.Locator("[data-testid=book]") }).First.Locator("[data-testid=book]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("预约成功");
        return page.Url.Split('/').Last();
    }

    /// <summary>A clinic tomorrow (the site's today is the day before its visit), of a doctor who is not a famous expert.</summary>
    private async Task<string> TomorrowsClinicAsync()
    {
        var directory = site.Grains.GetGrain<IHospitalDirectoryGrain>(0);
        foreach (var department in new[] { "BRS", "GYN", "HNS", "RAD", "INT" })
        foreach (var poolId in await directory.PoolsOnAsync(site.SiteToday.AddDays(1), department))
            if (!DemoHospital.FamousDoctorIds.Any(d => poolId.StartsWith(d, StringComparison.Ordinal))) return poolId;
        throw new InvalidOperationException("No clinic tomorrow in the departments these tests book.");
    }
}
