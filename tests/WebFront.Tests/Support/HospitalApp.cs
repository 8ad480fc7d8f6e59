using System.Net.Http.Json;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WebFront.Tests.Support;

/// <summary>
/// The whole system in one process, as the run command starts it (co-hosted silo on the embedded
/// SQLite store), served by Kestrel on a loopback port, with a clock the tests control.
/// </summary>
public class HospitalApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StaffPassword = "test-staff-password";

    /// <summary>Wednesday 2026-12-02 09:00 in the hospital; sessions 2026-12-03 after 16:00 … 12-09 are bookable online.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, HospitalTime.Offset);

    private readonly string _dataDirectory;
    private readonly int _port;
    private readonly bool _ownsDataAndWeChat;
    private readonly IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    public FakeTimeProvider Time { get; }

    /// <summary>Every log line of the app (web front and co-hosted silo), at every level.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The WeChat simulator this platform talks to, on the same (test-controlled) clock.</summary>
    public DemoWeChat WeChat { get; }

    /// <summary>The platform's own address (fixed before start: the simulator pushes to it).</summary>
    public string BaseUrl => $"http://127.0.0.1:{_port}";

    protected virtual bool Demo => true;

    public HospitalApp() : this(new Dictionary<string, string>())
    {
    }

    /// <summary>An app of its own with extra settings on top of the test defaults.</summary>
    public static HospitalApp With(IReadOnlyDictionary<string, string> settings) => new(settings);

    private HospitalApp(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        _dataDirectory = Path.Combine(Path.GetTempPath(), "hospital-http-" + Guid.NewGuid().ToString("N"));
        _port = DemoWeChat.FreePort();
        _ownsDataAndWeChat = true;
        Time = new FakeTimeProvider(Start);
        WeChat = DemoWeChat.StartAsync(DemoWeChat.FreePort(), BaseUrl, Time).GetAwaiter().GetResult();
        UseKestrel(_port);
        StartServer();
    }

    /// <summary>
    /// A platform process over existing data, port, clock and WeChat: stopping one and starting
    /// another like this is a restart of the platform while WeChat stays up.
    /// </summary>
    public static HospitalApp Over(string dataDirectory, int port, FakeTimeProvider time, DemoWeChat wechat) =>
        new(dataDirectory, port, time, wechat);

    private HospitalApp(string dataDirectory, int port, FakeTimeProvider time, DemoWeChat wechat)
    {
        _dataDirectory = dataDirectory;
        _port = port;
        Time = time;
        WeChat = wechat;
        UseKestrel(_port);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Demo:StaffPassword", StaffPassword);
        builder.UseSetting("Storage:Mode", "Embedded");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        // Test assemblies run side by side: every app gets its own silo and gateway ports.
        builder.UseSetting("Storage:SiloPort", DemoWeChat.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Storage:GatewayPort", DemoWeChat.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in DemoWeChat.PlatformSettings(WeChat.BaseUrl, BaseUrl)) builder.UseSetting(key, value);
        foreach (var (key, value) in DemoPatientSettings.Settings()) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Production");
        // What production would write, at the levels appsettings.json sets.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.AddSingleton(new HospitalClock(Time)));
    }


    /// <summary>A browser-like client of the real loopback server: its own cookies, redirects not followed.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
    {
        BaseAddress = new Uri(BaseUrl),
    };

    public async Task<HttpClient> SignedInPatient(string patientId)
    {
        var client = NewClient();
        (await client.PostAsJsonAsync("/api/auth/demo/patient-sign-in", new { patientId })).EnsureSuccessStatusCode();
        return client;
    }

    public async Task<HttpClient> SignedInStaff(string userName)
    {
        var client = NewClient();
        // Demo accounts are written right after start; retry briefly on a cold start.
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/staff/sign-in", new { userName, password = StaffPassword });
            if (response.IsSuccessStatusCode) return client;
            if (attempt == 50) throw new InvalidOperationException($"Staff sign-in failed: {(int)response.StatusCode}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the demo hospital is loaded (it is written just after the silo starts).</summary>
    public async Task InitializeAsync()
    {
        if (!Demo) return;
        using var client = NewClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var departments = await client.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/departments");
            if (departments is { Count: > 0 }) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The demo hospital was not loaded.");
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDataAndWeChat)
        {
            await WeChat.DisposeAsync();
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same system with demo mode off, as production runs it.</summary>
public sealed class ProductionApp : HospitalApp
{
    protected override bool Demo => false;
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<HospitalApp>
{
    public const string Name = "app";
}

/// <summary>
/// The WeChat tests get an app of their own: they move its clock (code expiry, stale timestamps)
/// and must not disturb the booking tests' fixed start time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WeChatCollection : ICollectionFixture<HospitalApp>
{
    public const string Name = "wechat";
}
