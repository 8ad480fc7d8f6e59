using System.Text;
using HospitalOrleans.WeChat.Pay;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>
/// Posts payment and refund notifications the way WeChat Pay does: the envelope with the resource
/// sealed by AEAD_AES_256_GCM under the APIv3 key, signed Wechatpay-* headers from the platform key,
/// tried again on a non-2xx answer or a transport failure (a short schedule, see <see cref="SimulatedPayOptions"/>).
/// Faults (<see cref="PayFaults"/>) bend one notification on purpose.
/// </summary>
public sealed class PayNotifier(
    IOptions<SimulatedPayOptions> options,
    PayKeyring keys,
    PayLedger ledger,
    IHttpClientFactory clients,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<PayNotifier> log)
{
    public const string HttpClientName = "WeChatSimulator.PayNotify";

    /// <summary>The paid order's TRANSACTION.SUCCESS, in the background.</summary>
    public void TransactionSuccess(PayOrder order, PayFaults faults)
    {
        var transaction = ledger.Transaction(order);
        if (faults.TamperAmount && transaction.Amount is { } amount)
            transaction = transaction with { Amount = amount with { Total = amount.Total + 1, PayerTotal = amount.Total + 1 } };
        var notice = new Notice(order.Request.NotifyUrl, PayEventTypes.TransactionSuccess, "支付成功", "transaction", transaction.ToJson());
        _ = SendAsync(notice, faults, ok => ledger.CountNotification(() =>
        {
            order.NotificationsSent++;
            if (ok) order.NotificationsAcknowledged++;
        }), lifetime.ApplicationStopping);
    }

    /// <summary>After the notify delay the refund settles (SUCCESS, or ABNORMAL on the fault switch) and its notification goes out.</summary>
    public void SettleRefund(PayRefund refund, PayFaults faults) => _ = SettleRefundAsync(refund, faults, lifetime.ApplicationStopping);

    private async Task SettleRefundAsync(PayRefund refund, PayFaults faults, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.NotifyDelaySeconds), stopping);
            var abnormal = faults.RefundAbnormal;
            ledger.Settle(refund, abnormal ? RefundStatus.Abnormal : RefundStatus.Success);
            var resource = ledger.Resource(refund);
            if (faults.TamperAmount && resource.Amount is { } amount)
                resource = resource with { Amount = amount with { Refund = amount.Refund + 1, PayerRefund = amount.Refund + 1 } };
            var notice = new Notice(
                refund.NotifyUrl,
                abnormal ? PayEventTypes.RefundAbnormal : PayEventTypes.RefundSuccess,
                abnormal ? "退款异常" : "退款成功",
                "refund",
                resource.ToJson());
            // The settle wait stands in for the first notify delay.
            await SendAsync(notice, faults with { DelaySeconds = faults.DelaySeconds - options.Value.NotifyDelaySeconds }, ok => ledger.CountNotification(() =>
            {
                refund.NotificationsSent++;
                if (ok) refund.NotificationsAcknowledged++;
            }), stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Refund {RefundId} could not be settled", refund.RefundId);
        }
    }

    private async Task SendAsync(Notice notice, PayFaults faults, Action<bool> count, CancellationToken stopping)
    {
        try
        {
            // Real time, not the TimeProvider: a test holding a fake clock still gets its notification.
            var wait = options.Value.NotifyDelaySeconds + Math.Max(0, faults.DelaySeconds);
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), stopping);
            var (body, headers) = Seal(notice, faults);
            await DeliverAsync(notice.Url, body, headers, count, stopping);
            if (faults.Duplicate) await DeliverAsync(notice.Url, body, headers, count, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Pay notification {EventType} could not be sent", notice.EventType);
        }
    }

    /// <summary>The exact body and headers of one notification (every retry sends these same bytes).</summary>
    public (string Body, PaySignedHeaders Headers) Seal(Notice notice, PayFaults faults)
    {
        var pay = options.Value;
        var nonce = PayResourceDecryptor.NewNonce();
        var now = time.GetUtcNow();
        var envelope = new PayNotification
        {
            Id = Guid.NewGuid().ToString(),
            CreateTime = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
            ResourceType = "encrypt-resource",
            EventType = notice.EventType,
            Summary = notice.Summary,
            Resource = new PayNotificationResource
            {
                OriginalType = notice.OriginalType,
                Algorithm = PayResourceDecryptor.Algorithm,
                Ciphertext = PayResourceDecryptor.Encrypt(pay.ApiV3Key, nonce, notice.OriginalType, notice.ResourceJson),
                AssociatedData = notice.OriginalType,
                Nonce = nonce,
            },
        };
        var body = envelope.ToJson();
        var timestamp = now.ToUnixTimeSeconds() - (faults.StaleTimestamp ? 600 : 0);
        var headers = keys.Platform.SignResponse(body, timestamp, PaySigner.NewNonce());
        if (faults.TamperSignature)
            headers = headers with { Signature = keys.Platform.Sign("tampered\n" + headers.Nonce + "\n" + body + "\n") };
        return (body, headers);
    }

    private async Task DeliverAsync(string url, string body, PaySignedHeaders headers, Action<bool> count, CancellationToken stopping)
    {
        var pay = options.Value;
        var http = clients.CreateClient(HttpClientName);
        var tries = Math.Max(1, pay.NotifyTries);
        for (var attempt = 1; attempt <= tries; attempt++)
        {
            if (attempt > 1)
            {
                var delays = pay.NotifyRetryDelaysSeconds;
                var delay = delays.Count == 0 ? 1 : delays[Math.Min(attempt - 2, delays.Count - 1)];
                await Task.Delay(TimeSpan.FromSeconds(delay), stopping);
            }

            var ok = false;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                foreach (var (name, value) in headers.ToPairs()) request.Headers.TryAddWithoutValidation(name, value);
                request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/4.0");
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(TimeSpan.FromSeconds(pay.NotifyTimeoutSeconds));
                using var response = await http.SendAsync(request, timeout.Token);
                ok = response.IsSuccessStatusCode;
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
            }
            catch (HttpRequestException)
            {
            }

            count(ok);
            if (ok) return;
        }

        log.LogInformation("Pay notification to the notify_url gave up after {Tries} tries", tries);
    }

    /// <summary>What a notification carries before it is sealed.</summary>
    public sealed record Notice(string Url, string EventType, string Summary, string OriginalType, string ResourceJson);
}
