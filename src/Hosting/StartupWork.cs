using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Hosting.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Hosting;

/// <summary>
/// After the silo starts: loads the demo hospital when the store is empty (demo mode), then wakes
/// every pool of the visible fortnight so that payment deadlines which passed while no silo ran
/// are applied even where reminders are in memory (the embedded default).
/// </summary>
public sealed partial class StartupWork(
    IGrainFactory grains, HospitalClock clock, BookingCalendar calendar, DemoProfile profile, int demoPatients, ILogger<StartupWork> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        StartupRetry.RunAsync("sweep and demo start", () => RunOnceAsync(stoppingToken), logger, stoppingToken);

    /// <summary>Every step can be repeated: seeding only fills an empty store, sweeps and wakes are idempotent.</summary>
    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var directory = grains.GetGrain<IHospitalDirectoryGrain>(0);
        var today = HospitalTime.Today(clock.Now);
        var seed = profile switch
        {
            DemoProfile.Hospital => DemoHospital.Create(),
            DemoProfile.Rush => RushHospital.Create(today),
            _ => null,
        };
        if (seed is not null && await directory.SeedIfEmptyAsync(seed))
            LogSeeded(profile);

        var woken = 0;
        for (var day = -1; day < calendar.DaysShown && !stoppingToken.IsCancellationRequested; day++)
        {
            var pools = await directory.PoolsOnAsync(today.AddDays(day), null);
            await Task.WhenAll(pools.Select(id => grains.Pool(id).SweepAsync()));
            woken += pools.Count;
        }
        LogSwept(woken);
        // Outboxes whose reminders did not survive the restart (the embedded store keeps reminders in memory).
        var outboxes = await grains.GetGrain<INoticeOutboxRegistryGrain>(0).GetPendingAsync();
        await Task.WhenAll(outboxes.Select(openId => grains.WeChatUser(openId).WakeAsync()));
        // Bills with an order to look at or a refund to follow, for the same reason.
        var bills = await grains.GetGrain<IBillingFollowUpRegistryGrain>(0).GetOpenAsync();
        await Task.WhenAll(bills.Select(invoiceId => grains.GetGrain<IInvoiceGrain>(invoiceId).ResumeAsync()));
        if (profile == DemoProfile.Hospital)
        {
            await PublishMenuAsync();
            await ConfirmFamousDoctorsCodesAsync();
            await ImportDemoPatientsAsync();
        }
    }

    /// <summary>
    /// In demo mode the WeChat simulator starts empty: give it the account's menu so a newcomer
    /// sees it at once. (In production the menu is published from the back office.)
    /// </summary>
    private async Task PublishMenuAsync()
    {
        var menus = grains.GetGrain<IWeChatMenuGrain>(0);
        var book = await menus.GetAsync();
        var version = book.PublishedVersion ?? book.Versions.Max(v => v.Version);
        var result = await menus.PublishAsync(version, "system:demo-start");
        if (result.Ok) LogMenuPublished(version);
        else LogMenuNotPublished(string.Join(" ", result.Problems.Select(p => p.Message)));
    }

    /// <summary>
    /// The demo hospital's master patient index, through the same import an HIS export takes. It
    /// runs in the background; a restart resumes it.
    /// </summary>
    private async Task ImportDemoPatientsAsync()
    {
        var import = grains.GetGrain<IMpiImportGrain>("demo-master-index");
        // Generating ten thousand people is wasted work on every later start.
        if ((await import.GetReportAsync()).Completed) return;
        var csv = MpiCsv.Write(DemoMasterIndex.Generate(demoPatients));
        var report = await import.StartAsync(csv);
        LogImportStarted(demoPatients, report.LinesDone);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Importing the demo master patient index ({Persons} persons) in the background, from line {Line}.")]
    private partial void LogImportStarted(int persons, int line);

    /// <summary>The demo's WeChat knows the famous doctors' codes from the start, so its 扫一扫 has something to scan.</summary>
    private async Task ConfirmFamousDoctorsCodesAsync()
    {
        var directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        var codes = grains.GetGrain<IWeChatQrCodesGrain>(0);
        foreach (var doctor in directory.Doctors.Where(d => d.Famous))
            if ((await codes.GetDoctorCodeAsync(doctor.Id)).Ticket is null) LogCodeNotCreated(doctor.Id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo WeChat did not create doctor {DoctorId}'s QR code.")]
    private partial void LogCodeNotCreated(string doctorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published WeChat menu version {Version} to the demo WeChat.")]
    private partial void LogMenuPublished(int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The WeChat menu was not published at start: {Reason}")]
    private partial void LogMenuNotPublished(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the {Profile} demo data into an empty store.")]
    private partial void LogSeeded(DemoProfile profile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied due deadlines in {Count} pools.")]
    private partial void LogSwept(int count);
}
