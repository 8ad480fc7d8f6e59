using System.Net;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Staff;
using HospitalOrleans.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace HospitalOrleans.Pages.Tests.Support;

/// <summary>
/// The real app (silo, embedded store in a fresh folder, demo hospital) on loopback Kestrel, and
/// Debian's Chromium driven by Playwright. One per test collection; tests isolate themselves by
/// fresh patient ids and by each using its own doctors or departments.
/// </summary>
public class HospitalSite : IAsyncLifetime
{
    public const string StaffPassword = "pages-test-7f3a";

    /// <summary>Screenshots the tests take for a person to look at.</summary>
    public static readonly string ScreenshotDirectory = Path.Combine(Path.GetTempPath(), "hospital-pages-screenshots");

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("hospital-pages-");
    private readonly TimeProvider _time;
    private SiteFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HospitalSite()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A site whose hospital clock (and the WeChat simulator's) is <paramref name="time"/>.</summary>
    protected HospitalSite(TimeProvider time) => _time = time;

    /// <summary>The site's clock: the wall clock, unless a subclass set another.</summary>
    public HospitalClock Clock => new(_time);

    public string BaseUrl { get; private set; } = "";

    /// <summary>The WeChat simulator the site talks to (and whose phone page the tests drive).</summary>
    public DemoWeChat WeChat { get; private set; } = null!;

    public IGrainFactory Grains => _factory!.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Today as the hospital's clock reads it (UTC+8).</summary>
    public static DateOnly Today => HospitalTime.Today(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        var port = DemoWeChat.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        WeChat = await DemoWeChat.StartAsync(DemoWeChat.FreePort(), BaseUrl, _time);
        _factory = new SiteFactory(_data.FullName, DemoWeChat.PlatformSettings(WeChat.BaseUrl, BaseUrl), _time);
        _factory.UseKestrel(port);
        _factory.StartServer();
        await WaitForDemoDataAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-background-networking"],
            Headless = true,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (WeChat is not null) await WeChat.DisposeAsync();
        try { _data.Delete(recursive: true); } catch (IOException) { } // SQLite may hold the file a moment longer
    }

    /// <summary>A fresh browser context (no cookies) with a phone-sized viewport.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // "cancel this booking?" is answered yes
        return page;
    }

    public static string NewPatientId() => $"P{Guid.NewGuid():N}"[..20];

    public async Task<IPage> PatientPageAsync(string patientId)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#patient-id", patientId);
        await page.ClickAsync("[data-testid=patient-sign-in]");
        await Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
        return page;
    }

    public async Task<IPage> StaffPageAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", StaffPassword);
        await page.ClickAsync("[data-testid=staff-sign-in]");
        await Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = fullPage });

    /// <summary>The demo hospital and staff accounts are written by background services after start.</summary>
    private async Task WaitForDemoDataAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var directory = await Grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
            var ops = await Grains.GetGrain<IStaffAccountsGrain>(0).FindAsync("ops1");
            if (!directory.IsEmpty && ops is not null) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The demo hospital was not loaded within a minute of start.");
    }

    private sealed class SiteFactory(string dataDirectory, IReadOnlyDictionary<string, string> wechat, TimeProvider time) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Demo:StaffPassword", StaffPassword);
            builder.UseSetting("Hosting:RunSilo", "true");
            builder.UseSetting("Storage:Mode", "Embedded");
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            foreach (var (key, value) in wechat) builder.UseSetting(key, value);
            foreach (var (key, value) in DemoPatientSettings.Settings()) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            // The embedded silo listens on fixed ports; other test processes may hold them.
            var siloPort = DemoWeChat.FreePort();
            var gatewayPort = DemoWeChat.FreePort();
            builder.ConfigureServices(services =>
            {
                services.Configure<EndpointOptions>(o =>
                {
                    o.SiloPort = siloPort;
                    o.GatewayPort = gatewayPort;
                });
                services.Configure<DevelopmentClusterMembershipOptions>(o => o.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort));
                if (time != TimeProvider.System) services.AddSingleton(new HospitalClock(time));
            });
        }

    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<HospitalSite>
{
    public const string Name = "hospital site";
}
