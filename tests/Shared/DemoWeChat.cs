using HospitalOrleans.WeChatSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.Tests.Shared;

/// <summary>
/// The demo WeChat account for the tests that run the whole platform: the WeChat simulator on a
/// loopback port and the platform settings that match it (the simulator's own defaults, the same
/// values scripts/run.sh uses).
/// </summary>
public sealed class DemoWeChat : IAsyncDisposable
{
    public const string AppId = "wx5f1c8d3e7a9b2046";
    public const string AppSecret = "demo-simulator-secret-000000000000";
    public const string Token = "hospitaldemo";
    public const string EncodingAesKey = "HospitalOrleansWeChatSimulatorDemoKey01234A";
    public const string OriginalId = "gh_hospitaldemo";

    private readonly WebApplication _simulator;

    private DemoWeChat(WebApplication simulator, string baseUrl)
    {
        _simulator = simulator;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    /// <summary>The simulator's address, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; }

    /// <summary>A client of the simulator's own API (inspection and "user" actions under /sim/api).</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the simulator on <paramref name="port"/>, pushing to <paramref name="platformUrl"/>/wechat, on the tests' clock.</summary>
    public static async Task<DemoWeChat> StartAsync(int port, string platformUrl, TimeProvider time)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var app = SimulatorHost.Build(
            ["--urls", baseUrl, $"--Simulator:PlatformUrl={platformUrl}/wechat", "--Simulator:TemplateReportDelaySeconds=0.2"],
            builder =>
            {
                builder.Services.AddSingleton(time);
                builder.Configuration.AddInMemoryCollection(DemoPay.SimulatorSettings());
            });
        await app.StartAsync();
        return new DemoWeChat(app, baseUrl);
    }

    /// <summary>The platform's WeChat section pointing at this simulator.</summary>
    public static IReadOnlyDictionary<string, string> PlatformSettings(string simulatorUrl, string platformUrl) => new Dictionary<string, string>(DemoPay.PlatformSettings(simulatorUrl, platformUrl))
    {
        ["WeChat:AppId"] = AppId,
        ["WeChat:AppSecret"] = AppSecret,
        ["WeChat:Token"] = Token,
        ["WeChat:EncodingAESKey"] = EncodingAesKey,
        ["WeChat:SafeMode"] = "true",
        ["WeChat:ApiBaseUrl"] = simulatorUrl,
        ["WeChat:PublicBaseUrl"] = platformUrl,
        ["WeChat:Templates:BookingConfirmed"] = "demo_booking_confirmed",
        ["WeChat:Templates:BookingCancelled"] = "demo_booking_cancelled",
        ["WeChat:Templates:BookingReleasedUnpaid"] = "demo_booking_released",
        ["WeChat:Templates:VisitReminder"] = "demo_visit_reminder",
        ["WeChat:Templates:PaymentRefunded"] = "demo_payment_refunded",
    };

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}
