using System.Collections.Concurrent;
using HospitalOrleans.WeChat;
using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Server;
using HospitalOrleans.WeChatSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.WeChatSimulator.Tests.Support;

/// <summary>
/// A minimal stand-in for the platform's message endpoint: every push is opened with the library's
/// InboundGate (as the platform does) and recorded; the reply, delays and failures are up to the test.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly InboundGate _gate;
    private int _posts;

    private FakePlatform(WebApplication app, InboundGate gate)
    {
        _app = app;
        _gate = gate;
    }

    public string Url => _app.BaseUrl() + "/wechat";

    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    /// <summary>POSTs received so far, including refused ones.</summary>
    public int Posts => Volatile.Read(ref _posts);

    /// <summary>The plaintext reply to an accepted message; sealed (encrypted in safe mode) before it is sent.</summary>
    public Func<InboundMessage, string> Reply { get; set; } = _ => PassiveReply.Success;

    /// <summary>Answer the first N posts with HTTP 500.</summary>
    public int FailFirst { get; set; }

    /// <summary>Wait this long before answering the first N posts (to overrun WeChat's timeout).</summary>
    public TimeSpan DelayFirst { get; set; }
    public int DelayedPosts { get; set; }

    /// <summary>Replaces the sealed reply body, for replies a real platform would never send.</summary>
    public Func<string, string>? TamperWith { get; set; }

    public static async Task<FakePlatform> StartAsync(WeChatOptions options, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var platform = new FakePlatform(app, new InboundGate(options, time));
        app.MapGet("/wechat", platform.Verify);
        app.MapPost("/wechat", platform.ReceiveAsync);
        await app.StartAsync();
        return platform;
    }

    /// <summary>Waits until a push matching <paramref name="match"/> has arrived.</summary>
    public async Task<ReceivedPush> WaitForAsync(Func<ReceivedPush, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(match) is { } push) return push;
            await Task.Delay(20);
        }
        throw new TimeoutException("The expected push did not arrive.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Verify(HttpRequest request)
    {
        var query = Query(request);
        return _gate.VerifyUrl(query) ? Results.Text(query.EchoStr) : Results.BadRequest();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var post = Interlocked.Increment(ref _posts);
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var query = Query(request);
        var verdict = _gate.Open(query, body);
        Received.Enqueue(new ReceivedPush(post, query, body, verdict));
        if (post <= DelayedPosts) await Task.Delay(DelayFirst);
        if (post <= FailFirst) return Results.StatusCode(StatusCodes.Status500InternalServerError);
        if (!verdict.Accepted) return Results.BadRequest();
        var sealedReply = _gate.Seal(Reply(verdict.Message!));
        return Results.Text(TamperWith?.Invoke(sealedReply) ?? sealedReply, "text/xml");
    }

    private static InboundQuery Query(HttpRequest request) => InboundQuery.From(name => request.Query[name].FirstOrDefault());
}

public sealed record ReceivedPush(int Post, InboundQuery Query, string Body, InboundVerdict Verdict)
{
    public InboundMessage Message => Verdict.Message ?? throw new InvalidOperationException($"Push refused: {Verdict.Refusal} {Verdict.Detail}");
}
