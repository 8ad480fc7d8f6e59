using System.Text.RegularExpressions;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.Pages.Tests.Support;

namespace HospitalOrleans.Pages.Tests;

/// <summary>
/// The consultation room's bill page (issue 5): doctor1 issues a bill through the form, shows its
/// QR code and link, and the patient pays it from that link; bad entries are named and issue nothing.
/// On the money site (its clock reads 09:00 today), each test with a patient of its own.
/// </summary>
[Collection(MoneySiteCollection.Name)]
public sealed class DoctorBillTests(MorningSite site)
{
    private const string PriceUnreadable = "第 2 项的“单价（元）”请填写以元为单位的金额，最多两位小数，如 20.50。账单没有开出。";

    [Fact]
    public async Task ADoctorIssuesABillThroughTheFormAndThePatientPaysItFromTheQrLink()
    {
        var (patient, _, number) = await MoneySteps.WeChatPatientAsync(site);
        var doctor = await site.StaffPageAsync("doctor1");
        await doctor.ClickAsync("[data-testid=nav-doctor-bills]");
        await Expect(doctor.Locator("h1")).ToHaveTextAsync("诊间开单");

        await doctor.FillAsync("#patient-number", number);
        await doctor.ClickAsync("[data-testid=check-patient]");
        await Expect(doctor.Locator("[data-testid=patient-name]")).ToHaveTextAsync(new Regex("^就诊人：测\\*"));
        await doctor.ClickAsync("[data-testid=common-item][data-code=BL02]");
        var second = doctor.Locator("[data-testid=item-row]").Nth(1);
        await second.Locator("[data-testid=item-code]").FillAsync("XR01");
        await second.Locator("[data-testid=item-name]").FillAsync("胸部X线");
        await second.Locator("[data-testid=item-quantity]").FillAsync("2");

        // A price finer than a fen, or not a number: the field is named, the form kept, nothing issued.
        foreach (var bad in new[] { "12.345", "abc" })
        {
            await second.Locator("[data-testid=item-price]").FillAsync(bad);
            await doctor.ClickAsync("[data-testid=issue-bill]");
            await Expect(doctor.Locator("[data-testid=failure]")).ToHaveTextAsync(PriceUnreadable);
            await Expect(second.Locator("[data-testid=item-price]")).ToHaveValueAsync(bad);
            await Expect(doctor.Locator("[data-testid=item-row]").First.Locator("[data-testid=item-name]")).ToHaveValueAsync("血常规");
        }
        Assert.Empty(await site.Grains.Patient(number).GetInvoiceIdsAsync());
        await HospitalSite.ScreenshotAsync(doctor, "109-doctor-bill-form");

        await second.Locator("[data-testid=item-price]").FillAsync("17.5");
        await doctor.ClickAsync("[data-testid=issue-bill]");
        await Expect(doctor.GetByRole(AriaRole.Status)).ToHaveTextAsync("账单已开出，请患者用微信扫码支付。");
        var issued = doctor.Locator("[data-testid=issued-bill]");
        await Expect(issued.Locator("[data-testid=bill-patient-name]")).ToHaveTextAsync(new Regex("^测\\*"));
        await Expect(issued.Locator("[data-testid=bill-patient]")).ToHaveTextAsync(number);
        await Expect(issued.Locator("[data-testid=bill-item]")).ToHaveCountAsync(2);
        await Expect(issued.Locator("[data-testid=bill-item][data-code=XR01] .item-amount")).ToHaveTextAsync("¥35.00");
        await Expect(issued.Locator("[data-testid=bill-total]")).ToHaveTextAsync("¥55.50");
        await Expect(issued.Locator("[data-testid=bill-status]")).ToHaveTextAsync("待支付");
        await Expect(doctor.Locator("[data-testid=link-expires]")).ToHaveTextAsync(new Regex("^二维码有效至 .+ [0-9]{2}:[0-9]{2}。$"));
        var qr = doctor.Locator("[data-testid=bill-qr]");
        await Expect(qr).ToBeVisibleAsync();
        await doctor.WaitForFunctionAsync("() => { const img = document.querySelector('[data-testid=bill-qr]'); return img && img.complete && img.naturalWidth > 0; }");
        var link = await doctor.Locator("[data-testid=pay-link]").InnerTextAsync();
        Assert.Matches("^https?://.+/pay/[^/]+$", link);
        Assert.DoesNotContain("5550", link); // the link carries the bill's id and expiry, never the amount
        await HospitalSite.ScreenshotAsync(doctor, "110-doctor-bill");

        // The patient's phone opens the link and pays in the simulator's cashier.
        await patient.GotoAsync(new Uri(link).PathAndQuery);
        var scanned = patient.Locator("[data-testid=scanned-bill]");
        await Expect(scanned.Locator("[data-testid=bill-total]")).ToHaveTextAsync("¥55.50");
        await scanned.Locator("[data-testid=pay]").ClickAsync();
        await Cashier.PayAsync(patient);
        await Expect(patient.Locator("[data-testid=bill-status]")).ToHaveTextAsync("已支付");

        // Back in the consultation room the bill reads paid, and a new bill starts from an empty form.
        await doctor.ClickAsync("[data-testid=refresh]");
        await Expect(issued.Locator("[data-testid=bill-status]")).ToHaveTextAsync("已支付");
        await doctor.ClickAsync("[data-testid=new-bill]");
        await Expect(doctor.Locator("#patient-number")).ToHaveValueAsync("");
        await Expect(doctor.Locator("[data-testid=item-row]")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task TheDoctorsFormNamesEachMistakeAddsAndRemovesRowsAndFitsAPhoneInCareMode()
    {
        var (_, _, number) = await MoneySteps.WeChatPatientAsync(site);
        var doctor = await site.StaffPageAsync("doctor1");
        await Expect(doctor).ToHaveURLAsync(site.BaseUrl + "/doctor/bills");
        var rows = doctor.Locator("[data-testid=item-row]");
        await doctor.ClickAsync("[data-testid=switch-care]");
        await Expect(doctor.Locator("html")).ToHaveClassAsync("care");
        await Screens.AssertFitsAsync(doctor);

        await doctor.ClickAsync("[data-testid=issue-bill]");
        await Expect(doctor.Locator("[data-testid=failure]")).ToHaveTextAsync("请填写“门诊号”（6 至 20 位字母或数字）。账单没有开出。");
        await doctor.FillAsync("#patient-number", number);
        await doctor.ClickAsync("[data-testid=issue-bill]");
        await Expect(doctor.Locator("[data-testid=failure]")).ToHaveTextAsync("请至少填写一项收费项目：编码、名称、数量和单价。账单没有开出。");

        // More rows and removing one: plain form posts, what was typed stays.
        await rows.First.Locator("[data-testid=item-code]").FillAsync("CT01");
        await rows.First.Locator("[data-testid=item-quantity]").FillAsync("0");
        await rows.First.Locator("[data-testid=item-price]").FillAsync("280");
        await doctor.ClickAsync("[data-testid=more-rows]");
        await Expect(rows).ToHaveCountAsync(7);
        await Expect(rows.First.Locator("[data-testid=item-code]")).ToHaveValueAsync("CT01");
        await rows.Nth(1).Locator("[data-testid=remove-row]").ClickAsync();
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(doctor.Locator("#patient-number")).ToHaveValueAsync(number);

        // The item rules name every field of every row at once.
        await doctor.ClickAsync("[data-testid=issue-bill]");
        await Expect(doctor.Locator("[data-testid=failure]")).ToHaveTextAsync(
            "第 1 项请填写“名称”。第 1 项的“数量”请填写 1 至 999 的整数。账单没有开出。");
        await rows.First.Locator("[data-testid=item-name]").FillAsync("胸部CT平扫");
        await rows.First.Locator("[data-testid=item-quantity]").FillAsync("1");
        await doctor.FillAsync("#patient-number", "ZZ00000000");
        await doctor.ClickAsync("[data-testid=issue-bill]");
        await Expect(doctor.Locator("[data-testid=failure]")).ToHaveTextAsync("没有门诊号为 ZZ00000000 的患者，请核对“门诊号”。账单没有开出。");
        Assert.Empty(await site.Grains.Patient(number).GetInvoiceIdsAsync());
        await Screens.AssertFitsAsync(doctor);

        await doctor.FillAsync("#patient-number", number);
        await doctor.ClickAsync("[data-testid=issue-bill]");
        await Expect(doctor.Locator("[data-testid=issued-bill] [data-testid=bill-total]")).ToHaveTextAsync("¥280.00");
        await Screens.AssertFitsAsync(doctor);
        await HospitalSite.ScreenshotAsync(doctor, "111-doctor-bill-care");

        await doctor.ClickAsync("[data-testid=switch-language]");
        await Expect(doctor.Locator("h1")).ToHaveTextAsync("Issue a bill");
        await Expect(doctor.Locator("[data-testid=link-expires]")).ToHaveTextAsync(new Regex("^The code is valid until "));
        await Screens.AssertFitsAsync(doctor);
        await doctor.ClickAsync("[data-testid=new-bill]");
        await Screens.AssertFitsAsync(doctor);
        await HospitalSite.ScreenshotAsync(doctor, "112-doctor-form-english-care");
    }
}
