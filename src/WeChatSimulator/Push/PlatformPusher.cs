using System.Text;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Push;

/// <summary>
/// Delivers a message XML to the platform the way WeChat does: each try waits PushTimeoutSeconds (5 s),
/// a timeout, a refused connection or a non-2xx status counts as a failure, and the same XML (same
/// MsgId and CreateTime) is sent again, three tries in all. Each try is signed afresh with its own
/// timestamp and nonce, so a replay guard on the platform does not mistake a retry for a replay.
/// </summary>
public sealed class PlatformPusher(
    IHttpClientFactory httpClients,
    IOptions<SimulatorOptions> options,
    MessageCrypt crypt,
    TimeProvider time,
    FaultInjector faults,
    CallStats stats,
    ILogger<PlatformPusher> log)
{
    public const string HttpClientName = "platform";

    public async Task<PushOutcome> PushAsync(string openId, string xml, CancellationToken ct)
    {
        var account = options.Value;
        var http = httpClients.CreateClient(HttpClientName);
        var tries = Math.Max(1, account.PushTries);
        string failure = "not tried";
        for (var attempt = 1; attempt <= tries; attempt++)
        {
            stats.Count("push.attempts");
            var push = SignedPush.Seal(account, crypt, openId, xml, time.UnixSeconds(), RandomText.Digits(10));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(account.PushTimeoutSeconds));
            try
            {
                using var content = new StringContent(push.Body, Encoding.UTF8, "text/xml");
                using var response = await http.PostAsync(push.Url, content, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                if (!response.IsSuccessStatusCode) failure = $"HTTP {(int)response.StatusCode}";
                else if (faults.TakeDroppedReply()) failure = "reply dropped (fault injection)";
                else return new PushOutcome(attempt, body, null);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = $"no answer within {account.PushTimeoutSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                failure = $"connection failed: {e.HttpRequestError}";
            }
            stats.Count("push.failed_attempts");
            log.LogInformation("Push try {Attempt}/{Tries} to the platform failed: {Failure}", attempt, tries, failure);
        }
        stats.Count("push.undelivered");
        return new PushOutcome(tries, null, failure);
    }
}
