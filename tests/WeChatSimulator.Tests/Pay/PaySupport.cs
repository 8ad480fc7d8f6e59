using System.Collections.Concurrent;
using System.Text.Json;
using HospitalOrleans.WeChat.Pay;
using HospitalOrleans.WeChatSimulator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Tests.Pay;

/// <summary>
/// A simulator, a merchant (the library's WeChatPayClient configured from /sim/api/pay/keys, as a
/// demo platform does) and a notify_url endpoint that reads every notification with PayNotificationReader.
/// </summary>
public sealed class PaySupport : IAsyncDisposable
{
    private readonly WebApplication _notify;
    private readonly PaySigner _signer;
    private readonly PayNotificationVerifier _verifier;
    private readonly HttpClient _payHttp;

    private PaySupport(RunningSimulator sim, WebApplication notify, WeChatPayOptions options)
    {
        Sim = sim;
        _notify = notify;
        Options = options;
        _signer = new PaySigner(Microsoft.Extensions.Options.Options.Create(options));
        _verifier = new PayNotificationVerifier(Microsoft.Extensions.Options.Options.Create(options), sim.Clock);
        Reader = new PayNotificationReader(_verifier, options.ApiV3Key);
        _payHttp = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        Client = new WeChatPayClient(_payHttp, Microsoft.Extensions.Options.Options.Create(options), _signer, _verifier, sim.Clock);
    }

    public RunningSimulator Sim { get; }
    public WeChatPayOptions Options { get; }
    public WeChatPayClient Client { get; }
    public PayNotificationReader Reader { get; }
    public PaySigner Signer => _signer;
    public ConcurrentQueue<ReceivedNotice> Received { get; } = new();

    public static async Task<PaySupport> StartAsync()
    {
        var sim = await RunningSimulator.StartAsync(new Dictionary<string, string>
        {
            ["Pay:NotifyDelaySeconds"] = "0.05",
            ["Pay:NotifyRetryDelaysSeconds:0"] = "0.2",
            ["Pay:NotifyRetryDelaysSeconds:1"] = "0.2",
            ["Pay:NotifyRetryDelaysSeconds:2"] = "0.2",
            ["Pay:NotifyRetryDelaysSeconds:3"] = "0.2",
        });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var notify = builder.Build();
        PaySupport? support = null;
        notify.MapPost("/pay/{kind}", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var bytes = buffer.ToArray();
            var headers = PaySignedHeaders.From(name => request.Headers[name].FirstOrDefault());
            var read = support!.Reader.Read(headers, bytes);
            support.Received.Enqueue(new ReceivedNotice(request.Path, headers, bytes, read));
            return Results.StatusCode(PayNotificationAck.StatusFor(read.Status));
        });
        await notify.StartAsync();
        var notifyBase = SimulatorHost.BaseUrl(notify);

        var keys = await sim.GetJsonAsync("sim/api/pay/keys");
        var options = new WeChatPayOptions
        {
            MchId = keys.GetProperty("mch_id").GetString()!,
            AppId = keys.GetProperty("app_id").GetString()!,
            ApiV3Key = keys.GetProperty("api_v3_key").GetString()!,
            MerchantSerialNo = keys.GetProperty("merchant_serial_no").GetString()!,
            MerchantPrivateKeyPem = keys.GetProperty("merchant_private_key_pem").GetString()!,
            PlatformPublicKeyId = keys.GetProperty("platform_public_key_id").GetString()!,
            PlatformPublicKeyPem = keys.GetProperty("platform_public_key_pem").GetString()!,
            ApiBaseUrl = sim.BaseUrl,
            NotifyUrl = notifyBase + "/pay/transaction",
            RefundNotifyUrl = notifyBase + "/pay/refund",
        };
        Assert.Empty(WeChatPayOptionsValidator.Faults(options));
        support = new PaySupport(sim, notify, options);
        return support;
    }

    public static JsapiOrderRequest Order(string outTradeNo, int total = 1234, string description = "门诊挂号费-肿瘤内科", DateTimeOffset? expire = null) => new()
    {
        Description = description,
        OutTradeNo = outTradeNo,
        TimeExpire = expire,
        Amount = new OrderAmount(total),
        Payer = new Payer("oPatient00000000000000000000001"),
    };

    /// <summary>Creates the order through the client; its prepay_id.</summary>
    public async Task<string> CreateAsync(JsapiOrderRequest order)
    {
        var created = await Client.CreateJsapiOrderAsync(order, CancellationToken.None);
        Assert.True(created.Ok, created.ToString());
        return created.Value!.PrepayId;
    }

    public async Task<JsonElement> PayAsync(string prepayId, object? faults = null) =>
        await Sim.PostJsonAsync($"sim/api/pay/{prepayId}/pay", faults ?? new { });

    public async Task<ReceivedNotice> WaitForAsync(Func<ReceivedNotice, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var found = Received.Where(match).ToList();
            if (found.Count >= count) return found[count - 1];
            await Task.Delay(20);
        }
        throw new TimeoutException("The expected notification did not arrive.");
    }

    /// <summary>A raw request to the simulator, signed (or not) as the caller says.</summary>
    public async Task<(int Status, JsonElement Body)> SendRawAsync(HttpMethod method, string pathAndQuery, string body, string? authorization)
    {
        using var request = new HttpRequestMessage(method, Sim.BaseUrl + pathAndQuery);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (method != HttpMethod.Get) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _payHttp.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A signed GET of an absolute URL on the simulator, the raw bytes (the bill file).</summary>
    public async Task<byte[]> SendRawAsBytesAsync(string url)
    {
        var uri = new Uri(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", Authorize(HttpMethod.Get, uri.PathAndQuery, ""));
        using var response = await _payHttp.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    public string Authorize(HttpMethod method, string pathAndQuery, string body, long? timestamp = null) =>
        _signer.AuthorizationHeader(method.Method, pathAndQuery, body, timestamp ?? Sim.Clock.GetUtcNow().ToUnixTimeSeconds(), PaySigner.NewNonce());

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        await _notify.StopAsync();
        await _notify.DisposeAsync();
        _payHttp.Dispose();
        _signer.Dispose();
        _verifier.Dispose();
    }
}

public sealed record ReceivedNotice(string Path, PaySignedHeaders Headers, byte[] Body, PayNotificationRead Read)
{
    public string? Id => PayNotification.Parse(Body)?.Id;
}
