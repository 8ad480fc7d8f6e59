using System.Text;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.WeChat;
using HospitalOrleans.WeChat;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChat.Server;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>
/// The account's server URL. GET is WeChat's URL verification; POST carries messages and events,
/// each verified (and decrypted in safe mode) before anything happens. A retried message is
/// handled once. WeChat waits 5 s: what takes longer is answered with <c>success</c> at once and
/// sent later through the customer-service API.
/// </summary>
public static partial class WeChatMessageApi
{
    public static IEndpointRouteBuilder MapWeChatMessages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/wechat", Verify).ExcludeFromDescription();
        routes.MapPost("/wechat", ReceiveAsync).ExcludeFromDescription();
        return routes;
    }

    public static IResult Verify([AsParameters] WeChatQuery query, InboundGate gate, ILoggerFactory logs)
    {
        if (gate.VerifyUrl(query.ToInbound())) return TypedResults.Text(query.EchoStr ?? "", "text/plain");
        LogRefused(Logger(logs), nameof(Refusal.BadSignature));
        return TypedResults.Text("invalid signature", "text/plain", statusCode: StatusCodes.Status403Forbidden);
    }

    public static async Task<IResult> ReceiveAsync([AsParameters] WeChatQuery query, HttpContext http, InboundGate gate,
        NonceReplayGuard replays, InboundReplies replies, LateReplies late, IGrainFactory grains, IOptions<WeChatOptions> options,
        IOptions<WeChatAccountOptions> account, HospitalClock clock, ILoggerFactory logs)
    {
        var logger = Logger(logs);
        var body = await ReadCappedAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        var verdict = body is null
            ? new InboundVerdict(null, Refusal.BodyTooLarge, null)
            : gate.Open(query.ToInbound(), body);
        if (!verdict.Accepted)
        {
            LogRefused(logger, verdict.Refusal.ToString());
            return TypedResults.Text(verdict.Refusal.ToString(), "text/plain", statusCode: StatusFor(verdict.Refusal));
        }
        var message = verdict.Message!;
        // A verified request seen before is a replay or a retry: either way it is not handled again.
        if (!replays.TryRecord(query.Timestamp!, query.Nonce!)
            || !await grains.WeChatUser(message.FromUserName).AcceptInboundAsync(message.DedupeKey, clock.Now))
        {
            LogDuplicate(logger, message.Kind.ToString());
            return Success();
        }
        var work = replies.ReplyAsync(message);
        if (await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(account.Value.PassiveReplyBudgetMilliseconds))) != work)
        {
            late.SendWhenReady(work, message.FromUserName);
            return Success();
        }
        var reply = await work;
        if (reply is null) return Success();
        var xml = reply.ToPassiveXml(message, clock.Now.ToUnixTimeSeconds());
        return TypedResults.Text(gate.Seal(xml, query.Timestamp!, query.Nonce!), "application/xml", Encoding.UTF8);
    }

    private static IResult Success() => TypedResults.Text(PassiveReply.Success, "text/plain");

    private static int StatusFor(Refusal refusal) => refusal switch
    {
        Refusal.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        Refusal.MalformedXml or Refusal.MissingParameters => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status403Forbidden,
    };

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger.</summary>
    private static async Task<string?> ReadCappedAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        var buffer = new byte[limit + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return read > limit ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static ILogger Logger(ILoggerFactory logs) => logs.CreateLogger(typeof(WeChatMessageApi));

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat message endpoint refused a request: {Refusal}.")]
    private static partial void LogRefused(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat {Kind} already handled; answered success.")]
    private static partial void LogDuplicate(ILogger logger, string kind);
}

/// <summary>The query WeChat signs every request with.</summary>
public sealed record WeChatQuery(
    [property: FromQuery(Name = "signature")] string? Signature,
    [property: FromQuery(Name = "timestamp")] string? Timestamp,
    [property: FromQuery(Name = "nonce")] string? Nonce,
    [property: FromQuery(Name = "echostr")] string? EchoStr,
    [property: FromQuery(Name = "openid")] string? OpenId,
    [property: FromQuery(Name = "encrypt_type")] string? EncryptType,
    [property: FromQuery(Name = "msg_signature")] string? MsgSignature)
{
    public InboundQuery ToInbound() => new(Signature, Timestamp, Nonce, EncryptType, MsgSignature, OpenId, EchoStr);
}
