using System.Globalization;
using HospitalOrleans.Domain.Notices;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Tests.Shared;

namespace HospitalOrleans.Pages.Tests.Support;

/// <summary>Patient cards as the tests set them up: the demo master index, WeChat sign-in, the bind form.</summary>
public static class PatientCards
{
    /// <summary>The 300-person demo index is imported in the background after start; binding a known person waits for it.</summary>
    public static async Task WaitForMasterIndexAsync(HospitalSite site)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if ((await site.Grains.GetGrain<IMpiImportGrain>("demo-master-index").GetReportAsync()).Completed) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The demo master patient index was not imported within two minutes of start.");
    }

    /// <summary>
    /// A new WeChat user, signed in on the site through the simulator's authorisation page. With no
    /// card bound, the site then shows /me/patients with <paramref name="returnUrl"/> to go on to.
    /// </summary>
    public static async Task<(IPage Page, string OpenId)> WeChatUserAsync(HospitalSite site, string returnUrl = "/")
    {
        var openId = await WeChatPhone.NewUserAsync(site, following: true);
        var page = await site.NewPageAsync();
        await WeChatPhone.OpenAsync(page, site, openId);
        await page.GotoAsync($"{site.BaseUrl}/signin/wechat?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await Expect(page.Locator("[data-testid=openid-input]")).ToHaveValueAsync(openId);
        await page.ClickAsync("[data-testid=allow]");
        await Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
        return (page, openId);
    }

    /// <summary>Fills and sends the bind form on /me/patients.</summary>
    public static async Task BindAsync(IPage page, string name, string documentNumber, string phone, string relationship = "Self", string documentType = "ResidentId")
    {
        await page.FillAsync("#bind-name", name);
        await page.SelectOptionAsync("#bind-document-type", documentType);
        await page.FillAsync("#bind-document-number", documentNumber);
        await page.FillAsync("#bind-phone", phone);
        await page.SelectOptionAsync("#bind-relationship", relationship);
        await page.ClickAsync("[data-testid=bind-submit]");
    }

    public static Task BindAsync(IPage page, TestIdentities.Person person, string relationship = "Self") =>
        BindAsync(page, person.Name, person.ResidentId, person.Phone, relationship);

    /// <summary>The first pool of <paramref name="doctorId"/> on a day whose numbers are open online.</summary>
    public static async Task<string> BookablePoolAsync(HospitalSite site, string doctorId, string departmentId)
    {
        foreach (var day in Dates.Bookable)
        {
            var pools = await site.Grains.GetGrain<IHospitalDirectoryGrain>(0).PoolsOnAsync(day, departmentId);
            if (pools.FirstOrDefault(p => p.StartsWith($"{doctorId}-", StringComparison.Ordinal)) is { } poolId) return poolId;
        }
        throw new InvalidOperationException($"Doctor {doctorId} holds no clinic on the bookable days.");
    }

    /// <summary>
    /// Records that <paramref name="patientId"/> missed <paramref name="count"/> confirmed visits in
    /// the last days, as the pools report it when a session ends, which suspends online booking.
    /// </summary>
    public static async Task MissVisitsAsync(HospitalSite site, string patientId, int count)
    {
        var today = HospitalSite.Today;
        for (var i = 1; i <= count; i++)
        {
            var date = today.AddDays(-i);
            var bookingId = string.Create(CultureInfo.InvariantCulture, $"D040-{date:yyyyMMdd}-AM-{i:000}");
            var booking = new BookingView(bookingId, bookingId[..^4], i, patientId, "online", "noshow", date, "AM",
                new TimeOnly(8, 0), new TimeOnly(8, 30), DateTimeOffset.UtcNow.AddDays(-i - 3), null, 3000, "D040", "THS");
            await site.Grains.Patient(patientId).DeliverNoticeAsync(
                new PatientNotice($"test-noshow-{Guid.NewGuid():N}", NoticeKind.NoShow, patientId, DateTimeOffset.UtcNow, booking));
        }
    }
}
