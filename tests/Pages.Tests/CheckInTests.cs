using System.Text.RegularExpressions;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Pages.Tests.Support;
using HospitalOrleans.Tests.Shared;

namespace HospitalOrleans.Pages.Tests;

/// <summary>
/// Checking in on the visit day: at the clerk's queue and at the kiosk in the hall. On a site
/// whose clock reads a morning, so today's morning clinics are in session.
/// </summary>
[Collection(MorningSiteCollection.Name)]
public sealed partial class CheckInTests(MorningSite site)
{
    [Fact]
    public async Task AClerkChecksInAnArrivedPatientFromTheQueue()
    {
        var (poolId, departmentId) = await MorningClinicAsync(0);
        var number = await RegisterAsync();
        var clerk = await site.StaffPageAsync("clerk1");
        await clerk.GotoAsync($"/clerk/patients/{number}");
        await clerk.ClickAsync("[data-testid=draw-for-patient]");
        await clerk.GotoAsync($"/clerk?patient={number}&departmentId={departmentId}");
        var pool = clerk.Locator($"[data-testid=clerk-pool][data-pool='{poolId}']");
        await Expect(pool.Locator("input[name=patientId]")).ToHaveValueAsync(number);
        await pool.Locator("[data-testid=draw]").ClickAsync();
        var serial = await clerk.Locator("[data-testid=ticket] [data-testid=serial]").InnerTextAsync();

        await clerk.GotoAsync($"/clerk/queue/{poolId}");
        var row = clerk.Locator("[data-testid=queue-row]").Filter(new() { HasText = number });
        await Expect(row.Locator("[data-testid=status]")).ToHaveTextAsync("已确认");
        await row.Locator("[data-testid=check-in]").ClickAsync();

        await Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{serial} 号已签到。");
        await Expect(row.Locator("[data-testid=checked-in]")).ToHaveTextAsync(new Regex("^已签到 09:[0-5][0-9]$"));
        await Expect(row.Locator("[data-testid=check-in]")).ToHaveCountAsync(0);
        await HospitalSite.ScreenshotAsync(clerk, "92-queue-checked-in");
    }

    [Fact]
    public async Task TheKioskChecksInWithTheOutpatientNumberAndTheBookingNumberInLargeType()
    {
        var (poolId, _) = await MorningClinicAsync(1);
        var number = await RegisterAsync();
        var drawn = await site.Grains.Patient(number).DrawWindowAsync(poolId, Guid.NewGuid().ToString("N"), "clerk1");
        var bookingId = drawn.Booking!.BookingId;
        var page = await site.NewPageAsync();
        await page.GotoAsync("/kiosk");
        await Expect(page.Locator("html")).ToHaveClassAsync("care");
        await HospitalSite.ScreenshotAsync(page, "90-kiosk");

        // Someone else's number with this booking: not found, as if there were no such booking.
        await page.FillAsync("#kiosk-number", await RegisterAsync());
        await page.FillAsync("#kiosk-booking", bookingId);
        await page.ClickAsync("[data-testid=kiosk-submit]");
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("没有找到这个预约。请核对门诊号和预约号，或到挂号窗口询问。");

        await page.FillAsync("#kiosk-number", number);
        await page.FillAsync("#kiosk-booking", bookingId.ToLowerInvariant());
        await page.ClickAsync("[data-testid=kiosk-submit]");

        var done = page.Locator("[data-testid=kiosk-done]");
        await Expect(done.GetByRole(AriaRole.Status)).ToHaveTextAsync("签到成功，请按时到就诊地点候诊。");
        await Expect(done.Locator("[data-testid=serial]")).ToHaveTextAsync($"{drawn.Booking.Serial}");
        await Expect(done.Locator("[data-testid=checked-in]")).ToContainTextAsync("已签到");
        Assert.NotNull((await site.Grains.GetGrain<INumberPoolGrain>(poolId).GetBookingAsync(bookingId))!.CheckedInAt);
        await Screens.AssertFitsAsync(page);
        await HospitalSite.ScreenshotAsync(page, "91-kiosk-checked-in");
    }

    [Fact]
    public async Task TheKioskSaysCheckInIsOnTheVisitDay()
    {
        var number = await RegisterAsync();
        var poolId = await PatientCards.BookablePoolAsync(site, "D036", "HEM");
        var booked = await site.Grains.Patient(number).BookOnlineAsync(poolId, Guid.NewGuid().ToString("N"), null);
        Assert.Equal(PoolOutcome.Ok, (await site.Grains.GetGrain<INumberPoolGrain>(poolId).ConfirmPaymentAsync(booked.Booking!.BookingId)).Outcome);
        var page = await site.NewPageAsync();
        await page.GotoAsync("/kiosk");

        await page.FillAsync("#kiosk-number", number);
        await page.FillAsync("#kiosk-booking", booked.Booking.BookingId);
        await page.ClickAsync("[data-testid=kiosk-submit]");

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("签到只能在就诊当天、门诊结束前办理。");
        await page.FillAsync("#kiosk-number", number);
        await page.FillAsync("#kiosk-booking", "not a booking");
        await page.ClickAsync("[data-testid=kiosk-submit]");
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("请填写门诊号和预约号（预约号形如 D001-20261203-AM-005）。");
    }

    /// <summary>The <paramref name="index"/>th of today's morning clinics, of a doctor who is not a famous expert.</summary>
    private async Task<(string PoolId, string DepartmentId)> MorningClinicAsync(int index)
    {
        var directory = site.Grains.GetGrain<IHospitalDirectoryGrain>(0);
        var found = new List<(string, string)>();
        foreach (var department in new[] { "TMO", "BRS", "RAD", "INT", "ICW", "GIS", "GYN", "HNS", "HEM", "THS" })
        foreach (var poolId in await directory.PoolsOnAsync(site.SiteToday, department))
            if (poolId.EndsWith("-AM", StringComparison.Ordinal) && !Domain.Directory.DemoHospital.FamousDoctorIds.Any(d => poolId.StartsWith(d, StringComparison.Ordinal)))
                found.Add((poolId, department));
        return found[index];
    }

    private async Task<string> RegisterAsync()
    {
        var person = TestIdentities.NewPerson();
        var result = await site.Grains.GetGrain<IPatientRegistryGrain>(0)
            .RegisterAtWindowAsync(new IdentityClaim(person.Name, DocumentType.ResidentId, person.ResidentId, person.Phone), "clerk1");
        return result.BoundNumber!;
    }
}
