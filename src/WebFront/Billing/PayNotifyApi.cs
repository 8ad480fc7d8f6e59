using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Grains.Billing;
using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.WebFront.Billing;

/// <summary>
/// WeChat Pay's notify_url: payment (TRANSACTION.*) and refund (REFUND.*) results. The raw body is
/// verified against the platform key (signature over the exact bytes, timestamp within 5 minutes),
/// then decrypted with the APIv3 key; the invoice grain checks mchid, appid and amount against the
/// bill and applies the result once. Answers 204 when the result is recorded (or was already); 4xx
/// when the notification is not authentic or not ours to record; 5xx when it should be sent again.
/// WeChat Pay retries anything that is not 2xx.
/// </summary>
public static partial class PayNotifyApi
{
    public const string Path = "/wechat/pay/notify";

    /// <summary>A notification is a few kilobytes; anything larger is not WeChat Pay's.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPayNotifyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, ReceiveAsync).WithTags("WeChat Pay").WithName("WeChatPayNotify").AllowAnonymous().DisableAntiforgery();
        return routes;
    }

    public static async Task<IResult> ReceiveAsync(HttpRequest request, IServiceProvider services, IGrainFactory grains, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(PayNotifyApi));
        if (services.GetService<PayNotificationReader>() is not { } reader) return Fail(StatusCodes.Status404NotFound, "WeChat Pay is not configured");
        if (request.ContentLength is > MaxBodyBytes) return Fail(StatusCodes.Status413PayloadTooLarge, "too large");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length > MaxBodyBytes) return Fail(StatusCodes.Status413PayloadTooLarge, "too large");

        var read = reader.Read(PaySignedHeaders.From(name => request.Headers[name].FirstOrDefault()), buffer.ToArray());
        if (!read.Ok)
        {
            LogRefused(logger, read.Status);
            return Fail(StatusCodes.Status401Unauthorized, read.Status.ToString());
        }

        BillingDecision decision;
        if (read.Transaction() is { } transaction)
        {
            if (!OutTradeNo.TryParse(transaction.OutTradeNo, out var invoiceId, out _)) return Unknown(logger, transaction.OutTradeNo);
            decision = await grains.GetGrain<IInvoiceGrain>(invoiceId).ReceiveWeChatTransactionAsync(InvoiceGrain.ReportOf(transaction));
        }
        else if (read.Refund() is { } refund)
        {
            if (!OutRefundNo.TryParse(refund.OutRefundNo, out var invoiceId, out _)) return Unknown(logger, refund.OutRefundNo);
            decision = await grains.GetGrain<IInvoiceGrain>(invoiceId).ReceiveWeChatRefundAsync(new WeChatRefundReport(
                refund.MchId, refund.OutRefundNo, refund.RefundId, PayEnumConverter<RefundStatus>.WireName(refund.RefundStatus),
                refund.Amount?.Refund ?? 0, refund.SuccessTime));
        }
        else
        {
            // An event this platform does not subscribe to: acknowledged so that it is not sent again.
            return TypedResults.NoContent();
        }

        if (decision.Succeeded || decision.RefundRequired) return TypedResults.NoContent();
        LogNotRecorded(logger, read.Notification?.EventType, decision.Refusal?.ToString());
        // Not ours, or not matching the bill: WeChat Pay keeps telling until someone looks (finance sees it in reconciliation).
        return Fail(StatusCodes.Status400BadRequest, decision.Refusal?.ToString() ?? "refused");
    }

    private static IResult Unknown(ILogger logger, string number)
    {
        LogUnknown(logger, number);
        return Fail(StatusCodes.Status400BadRequest, "unknown order");
    }

    private static IResult Fail(int status, string message) =>
        TypedResults.Json(new { code = "FAIL", message }, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat Pay notification refused: {Status}.")]
    private static partial void LogRefused(ILogger logger, PayNotificationStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat Pay notification for {Number}, which is not one of our numbers.")]
    private static partial void LogUnknown(ILogger logger, string number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat Pay notification {EventType} not recorded: {Refusal}.")]
    private static partial void LogNotRecorded(ILogger logger, string? eventType, string? refusal);
}
