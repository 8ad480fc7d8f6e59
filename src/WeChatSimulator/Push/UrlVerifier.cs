using System.Globalization;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Push;

/// <summary>
/// The check WeChat makes when the server URL is saved (PROTOCOL §1): a signed GET with an echostr,
/// passed only when the body is exactly the echostr. For an MP the echostr is plain even in safe mode.
/// </summary>
public sealed class UrlVerifier(IHttpClientFactory httpClients, IOptions<SimulatorOptions> options, TimeProvider time)
{
    public async Task<UrlCheck> VerifyAsync(CancellationToken ct)
    {
        var account = options.Value;
        var timestamp = time.UnixSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomText.Digits(10);
        var echostr = RandomText.Digits(19);
        var url = QueryHelpers.AddQueryString(account.PlatformUrl, new Dictionary<string, string?>
        {
            ["signature"] = WeChatSignature.Server(account.Token, timestamp, nonce),
            ["echostr"] = echostr,
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(account.PushTimeoutSeconds));
        try
        {
            using var response = await httpClients.CreateClient(PlatformPusher.HttpClientName).GetAsync(url, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var echoed = response.IsSuccessStatusCode && body == echostr;
            return new UrlCheck(echoed, (int)response.StatusCode, echoed ? null : "the answer was not the echostr");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new UrlCheck(false, null, "no answer in time");
        }
        catch (HttpRequestException e)
        {
            return new UrlCheck(false, null, $"connection failed: {e.HttpRequestError}");
        }
    }
}

public sealed record UrlCheck(bool Ok, int? Status, string? Problem);
