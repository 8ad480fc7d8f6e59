using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HospitalOrleans.WeChat;
using HospitalOrleans.WeChatSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WeChatSimulator.Tests.Support;

/// <summary>A simulator started in-process on a free loopback port with a fake clock, driven over real HTTP.</summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    /// <summary>23:30 in Beijing: half an hour before the daily quotas roll over.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 15, 30, 0, TimeSpan.Zero);

    private RunningSimulator(WebApplication app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
        BaseUrl = app.BaseUrl();
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = new Uri(BaseUrl + "/") };
    }

    public WebApplication App { get; }
    public FakeTimeProvider Clock { get; }
    public string BaseUrl { get; }
    public HttpClient Http { get; }
    public SimulatorOptions Account => App.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;

    /// <param name="settings">Simulator settings by key under <c>Simulator:</c>, e.g. <c>["Quotas:Token"] = "2"</c>.</param>
    public static async Task<RunningSimulator> StartAsync(IReadOnlyDictionary<string, string>? settings = null, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(Start);
        var defaults = new Dictionary<string, string>
        {
            // Nothing listens on the discard port: pushes fail fast unless a test brings a platform.
            ["PlatformUrl"] = "http://127.0.0.1:9/wechat",
            ["TemplateReportDelaySeconds"] = "0.05",
            ["PushTimeoutSeconds"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) defaults[key] = value;
        var args = new List<string> { "--urls", "http://127.0.0.1:0" };
        args.AddRange(defaults.Select(p => $"--Simulator:{p.Key}={p.Value}"));
        var app = SimulatorHost.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync();
        return new RunningSimulator(app, clock);
    }

    /// <summary>The platform's WeChat settings that match this simulator (as the demo configuration must).</summary>
    public WeChatOptions PlatformOptions(bool? safeMode = null) => new()
    {
        AppId = Account.AppId,
        AppSecret = Account.AppSecret,
        Token = Account.Token,
        EncodingAESKey = Account.EncodingAESKey,
        SafeMode = safeMode ?? Account.SafeMode,
        ApiBaseUrl = BaseUrl,
    };

    public async Task<string> FetchTokenAsync()
    {
        var body = await GetJsonAsync($"cgi-bin/token?grant_type=client_credential&appid={Account.AppId}&secret={Account.AppSecret}");
        return body.GetProperty("access_token").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await ReadJsonAsync(response);
    }

    public async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        using HttpContent content = body is string raw
            ? new StringContent(raw, Encoding.UTF8, "application/json")
            : JsonContent.Create(body);
        using var response = await Http.PostAsync(path, content);
        return await ReadJsonAsync(response);
    }

    /// <summary>Sends pushes to <paramref name="platform"/> from now on (the options instance is the one the simulator reads).</summary>
    public void PushTo(FakePlatform platform) => Account.PlatformUrl = platform.Url;

    /// <summary>A user who follows the account (the follow push goes wherever PlatformUrl points).</summary>
    public async Task<string> FollowerAsync(string openId)
    {
        await PostJsonAsync("sim/api/users", new { openId });
        await PostJsonAsync($"sim/api/users/{openId}/follow", new { });
        return openId;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrEmpty(text)) return default;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

public static class JsonAssertions
{
    public static int ErrCode(this JsonElement body) =>
        body.TryGetProperty("errcode", out var code) ? code.GetInt32() : 0;
}
