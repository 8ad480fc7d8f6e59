using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// The merchant's WeChat Pay API v3 calls for JSAPI payments. Every request carries the signed
/// <c>Authorization</c> header (over the path and query exactly as sent) and
/// <c>Accept: application/json</c>; every 2xx answer's <c>Wechatpay-Signature</c> is checked before
/// its body is used (the bill file excepted: it is checked against the SHA-1 announced in the
/// signed <c>tradebill</c> answer). Error answers (4xx/5xx with <c>{"code","message"}</c>) are taken
/// unverified, as the official SDKs do. Expected failures come back as <see cref="PayResult{T}"/>, never as exceptions.
/// </summary>
public sealed class WeChatPayClient
{
    private const string UserAgent = "HospitalOrleans-WeChatPay/1.0";
    private const string JsonMediaType = "application/json";

    private readonly HttpClient http;
    private readonly WeChatPayOptions options;
    private readonly PaySigner signer;
    private readonly PayNotificationVerifier? verifier;
    private readonly TimeProvider time;
    private readonly Uri baseUri;

    /// <param name="verifier">Checks answers; null turns the check off, which only a simulator's <see cref="WeChatPayOptions.ApiBaseUrl"/> allows.</param>
    /// <exception cref="ArgumentException">ApiBaseUrl is not an absolute URL, or it is WeChat Pay's and no verifier is given.</exception>
    public WeChatPayClient(HttpClient http, IOptions<WeChatPayOptions> options, PaySigner signer, PayNotificationVerifier? verifier, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(time);
        this.http = http;
        this.options = options.Value;
        this.signer = signer;
        this.verifier = verifier;
        this.time = time;
        if (!Uri.TryCreate(this.options.ApiBaseUrl.TrimEnd('/'), UriKind.Absolute, out var api))
        {
            throw new ArgumentException($"{WeChatPayOptions.Section}:ApiBaseUrl is not an absolute URL.", nameof(options));
        }

        if (verifier is null && this.options.IsWeChatApi())
        {
            throw new ArgumentException("WeChat Pay's answers must be verified: pass a PayNotificationVerifier.", nameof(verifier));
        }

        baseUri = api;
    }

    private bool AllowHttpNotifyUrl => !options.IsWeChatApi();

    /// <summary><c>POST /v3/pay/transactions/jsapi</c>; empty appid, mchid and notify_url are taken from the options.</summary>
    public async Task<PayResult<JsapiOrderResponse>> CreateJsapiOrderAsync(JsapiOrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filled = request with
        {
            AppId = Or(request.AppId, options.AppId),
            MchId = Or(request.MchId, options.MchId),
            NotifyUrl = Or(request.NotifyUrl, options.NotifyUrl),
        };
        var faults = filled.Validate(time.GetUtcNow(), AllowHttpNotifyUrl);
        if (faults.Count > 0)
        {
            return PayResult<JsapiOrderResponse>.Failure(PayError.InvalidRequest(faults));
        }

        var reply = await SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", filled.ToJson(), ct).ConfigureAwait(false);
        return Read<JsapiOrderResponse>(reply, answer => !string.IsNullOrEmpty(answer.PrepayId), "the order answer");
    }

    /// <summary>The <c>getBrandWCPayRequest</c> arguments for a prepay_id, signed now with a fresh nonce, for the options' appid.</summary>
    public JsapiPayParameters PayParameters(string prepayId)
    {
        ArgumentException.ThrowIfNullOrEmpty(prepayId);
        return signer.PayParameters(options.AppId, prepayId, time.GetUtcNow().ToUnixTimeSeconds(), PaySigner.NewNonce());
    }

    /// <summary><c>GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…</c>.</summary>
    public async Task<PayResult<Transaction>> QueryOrderByOutTradeNoAsync(string outTradeNo, CancellationToken ct)
    {
        if (!PayRules.IsOutTradeNo(outTradeNo))
        {
            return PayResult<Transaction>.Failure(PayError.InvalidRequest(["out_trade_no must be 6 to 32 of 0-9 A-Z a-z _ - | *."]));
        }

        var reply = await SendAsync(HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(options.MchId)}", null, ct).ConfigureAwait(false);
        return Read<Transaction>(reply, transaction => transaction.OutTradeNo.Length > 0, "the order");
    }

    /// <summary><c>GET /v3/pay/transactions/id/{transaction_id}?mchid=…</c>.</summary>
    public async Task<PayResult<Transaction>> QueryOrderByTransactionIdAsync(string transactionId, CancellationToken ct)
    {
        if (!PayRules.IsTransactionId(transactionId))
        {
            return PayResult<Transaction>.Failure(PayError.InvalidRequest(["transaction_id must be 1 to 32 digits."]));
        }

        var reply = await SendAsync(HttpMethod.Get, $"/v3/pay/transactions/id/{transactionId}?mchid={Uri.EscapeDataString(options.MchId)}", null, ct).ConfigureAwait(false);
        return Read<Transaction>(reply, transaction => transaction.OutTradeNo.Length > 0, "the order");
    }

    /// <summary><c>POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close</c> with <c>{"mchid":"…"}</c>; WeChat Pay answers 204.</summary>
    public async Task<PayResult<bool>> CloseOrderAsync(string outTradeNo, CancellationToken ct)
    {
        if (!PayRules.IsOutTradeNo(outTradeNo))
        {
            return PayResult<bool>.Failure(PayError.InvalidRequest(["out_trade_no must be 6 to 32 of 0-9 A-Z a-z _ - | *."]));
        }

        var body = PayJson.Write(new CloseOrderBody(options.MchId));
        var reply = await SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close", body, ct).ConfigureAwait(false);
        return reply.Error is { } error ? PayResult<bool>.Failure(error) : PayResult<bool>.Success(true);
    }

    /// <summary><c>POST /v3/refund/domestic/refunds</c>; a null notify_url is taken from <see cref="WeChatPayOptions.RefundNotifyUrl"/>.</summary>
    public async Task<PayResult<RefundResult>> CreateRefundAsync(RefundRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filled = request with { NotifyUrl = request.NotifyUrl ?? NullIfEmpty(options.RefundNotifyUrl) };
        var faults = filled.Validate(AllowHttpNotifyUrl);
        if (faults.Count > 0)
        {
            return PayResult<RefundResult>.Failure(PayError.InvalidRequest(faults));
        }

        var reply = await SendAsync(HttpMethod.Post, "/v3/refund/domestic/refunds", filled.ToJson(), ct).ConfigureAwait(false);
        return Read<RefundResult>(reply, refund => refund.OutRefundNo.Length > 0, "the refund");
    }

    /// <summary><c>GET /v3/refund/domestic/refunds/{out_refund_no}</c>.</summary>
    public async Task<PayResult<RefundResult>> QueryRefundAsync(string outRefundNo, CancellationToken ct)
    {
        if (!PayRules.IsOutRefundNo(outRefundNo))
        {
            return PayResult<RefundResult>.Failure(PayError.InvalidRequest(["out_refund_no must be 1 to 64 of 0-9 A-Z a-z _ - | * @."]));
        }

        var reply = await SendAsync(HttpMethod.Get, $"/v3/refund/domestic/refunds/{Uri.EscapeDataString(outRefundNo)}", null, ct).ConfigureAwait(false);
        return Read<RefundResult>(reply, refund => refund.OutRefundNo.Length > 0, "the refund");
    }

    /// <summary><c>GET /v3/bill/tradebill?bill_date=yyyy-MM-dd</c> (all payments and refunds of the day, uncompressed).</summary>
    public async Task<PayResult<TradeBillLocation>> ApplyTradeBillAsync(DateOnly billDate, CancellationToken ct)
    {
        var date = billDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reply = await SendAsync(HttpMethod.Get, $"/v3/bill/tradebill?bill_date={date}", null, ct).ConfigureAwait(false);
        return Read<TradeBillLocation>(
            reply,
            location => !string.IsNullOrEmpty(location.DownloadUrl) && !string.IsNullOrEmpty(location.HashType) && !string.IsNullOrEmpty(location.HashValue),
            "the bill answer");
    }

    /// <summary>
    /// Applies for the day's trade bill, fetches download_url with a signed GET (only from the API
    /// host: the Authorization header goes nowhere else), checks its SHA-1 against hash_value and parses it.
    /// </summary>
    public async Task<PayResult<TradeBill>> DownloadTradeBillAsync(DateOnly billDate, CancellationToken ct)
    {
        var applied = await ApplyTradeBillAsync(billDate, ct).ConfigureAwait(false);
        if (applied is not { Ok: true, Value: { } location })
        {
            return PayResult<TradeBill>.Failure(applied.Error!);
        }

        if (!string.Equals(location.HashType, "SHA1", StringComparison.OrdinalIgnoreCase))
        {
            return PayResult<TradeBill>.Failure(PayError.Unreadable("the bill's hash_type is not SHA1"));
        }

        if (DownloadUri(location.DownloadUrl) is not { } uri)
        {
            return PayResult<TradeBill>.Failure(PayError.Unreadable("the bill's download_url is not on the API host"));
        }

        var reply = await SendToAsync(HttpMethod.Get, uri, null, verify: false, ct).ConfigureAwait(false);
        if (reply is not { Ok: true, Value: { } file })
        {
            return PayResult<TradeBill>.Failure(reply.Error!);
        }

        var hash = Convert.ToHexStringLower(SHA1.HashData(file.Body));
        if (!string.Equals(hash, location.HashValue, StringComparison.OrdinalIgnoreCase))
        {
            return PayResult<TradeBill>.Failure(new PayError(PayErrorCodes.LocalBillHashMismatch, "the bill's SHA-1 is not the announced hash_value", file.Status));
        }

        var parsed = TradeBillParser.Parse(file.Body);
        return parsed.Bill is { } bill
            ? PayResult<TradeBill>.Success(bill)
            : PayResult<TradeBill>.Failure(new PayError(PayErrorCodes.LocalBillUnreadable, $"the bill is not in the documented format: {parsed.Fault}", file.Status));
    }

    private Task<PayResult<Reply>> SendAsync(HttpMethod method, string pathAndQuery, string? json, CancellationToken ct) =>
        SendToAsync(method, new Uri(baseUri.AbsoluteUri.TrimEnd('/') + pathAndQuery), json, verify: true, ct);

    private async Task<PayResult<Reply>> SendToAsync(HttpMethod method, Uri uri, string? json, bool verify, CancellationToken ct)
    {
        var body = json ?? "";
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("Authorization", signer.AuthorizationHeader(method.Method, uri.PathAndQuery, body, timestamp, PaySigner.NewNonce()));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        if (http.DefaultRequestHeaders.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        }

        int status;
        byte[] bytes;
        PaySignedHeaders headers;
        string? requestId;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            status = (int)response.StatusCode;
            bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            headers = PaySignedHeaders.From(name => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null);
            requestId = response.Headers.TryGetValues("Request-ID", out var ids) ? ids.FirstOrDefault() : null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return PayResult<Reply>.Failure(PayError.Transport("timed out"));
        }
        catch (HttpRequestException exception)
        {
            return PayResult<Reply>.Failure(PayError.Transport($"request failed ({exception.HttpRequestError})"));
        }
        catch (IOException)
        {
            return PayResult<Reply>.Failure(PayError.Transport("connection broken while reading the response"));
        }

        if (status is < 200 or > 299)
        {
            return PayResult<Reply>.Failure(ErrorOf(status, bytes) with { RequestId = requestId });
        }

        if (verify && verifier is not null)
        {
            var verification = verifier.Verify(headers, bytes);
            if (verification != PayVerification.Valid)
            {
                return PayResult<Reply>.Failure(new PayError(PayErrorCodes.LocalResponseSignature, $"the answer's signature check failed: {verification}", status) { RequestId = requestId });
            }
        }

        return PayResult<Reply>.Success(new Reply(status, bytes));
    }

    private static PayError ErrorOf(int status, byte[] body) =>
        PayJson.Read<ErrorBody>(body) is { Code.Length: > 0 } error
            ? new PayError(error.Code, error.Message ?? "", status)
            : new PayError($"HTTP_{status}", "the error answer has no code", status);

    private static PayResult<T> Read<T>(PayResult<Reply> reply, Func<T, bool> isComplete, string what)
        where T : class
    {
        if (reply is not { Ok: true, Value: { } answer })
        {
            return PayResult<T>.Failure(reply.Error!);
        }

        return PayJson.Read<T>(answer.Body) is { } value && isComplete(value)
            ? PayResult<T>.Success(value)
            : PayResult<T>.Failure(PayError.Unreadable($"{what} is not of the documented shape", answer.Status));
    }

    /// <summary>download_url only on the API host (or, with WeChat Pay, one of its *.mch.weixin.qq.com hosts over https).</summary>
    private Uri? DownloadUri(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var sameServer = Uri.Compare(uri, baseUri, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;
        var weChatHost = options.IsWeChatApi() && uri.Scheme == Uri.UriSchemeHttps && uri.Host.EndsWith(".mch.weixin.qq.com", StringComparison.OrdinalIgnoreCase);
        return sameServer || weChatHost ? uri : null;
    }

    private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record Reply(int Status, byte[] Body);

    private sealed record ErrorBody(
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("message")] string? Message);

    private sealed record CloseOrderBody([property: JsonPropertyName("mchid")] string MchId);
}
