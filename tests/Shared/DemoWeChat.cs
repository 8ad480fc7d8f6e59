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

    /// <summary>
    /// A port free now, below Linux's ephemeral range (32768–60999): a port the kernel picked could be
    /// handed to an outgoing connection (to PostgreSQL, to a silo) before the server binds it, which
    /// made a test fail with "address already in use" now and then.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // taken: try another
            }
        }
        throw new InvalidOperationException("No free port between 20000 and 32000 on 127.0.0.1.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}
