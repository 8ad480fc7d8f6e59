using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using HospitalOrleans.WeChat.Pay;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WeChat.Tests.Pay;

/// <summary>
/// The test merchant and a fake WeChat Pay: the merchant signs with the wechatpay-go vector key
/// (serial F5765756002FDD77, certificate = PayVectors.NotifyCertificate); the fake platform signs with the
/// gunsluo vector key, whose certificate (serial 9AD59953ADF1BABB) the merchant trusts.
/// </summary>
internal static class PayTest
{
    public const string AppId = "wxd678efh567hg6787";
    public const string MchId = "1230000109";
    public const string MerchantSerial = PayVectors.GoSerialNo;
    public const string PlatformSerial = "9AD59953ADF1BABB";
    public const string ApiV3Key = "0123456789abcdefghijABCDEFGHIJ01";
    public const string SimulatorBaseUrl = "http://127.0.0.1:5998";
    public const string NotifyUrl = "http://127.0.0.1:5000/pay/notify";

    /// <summary>2025-06-01 10:00:00 China time.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static WeChatPayOptions Options(string apiBaseUrl = SimulatorBaseUrl, string notifyUrl = NotifyUrl) => new()
    {
        MchId = MchId,
        AppId = AppId,
        MerchantSerialNo = MerchantSerial,
        MerchantPrivateKeyPem = PayVectors.GoPrivateKey,
        ApiV3Key = ApiV3Key,
        PlatformCertificatePem = PayVectorsThirdParty.GunsluoCertificate,
        ApiBaseUrl = apiBaseUrl,
        NotifyUrl = notifyUrl,
    };

    public static FakeTimeProvider Clock(DateTimeOffset? at = null) => new(at ?? Now);

    public static PaySigner MerchantSigner() => new(MchId, MerchantSerial, PrivateKey(PayVectors.GoPrivateKey));

    /// <summary>The fake WeChat Pay's signer (its mchid is irrelevant).</summary>
    public static PaySigner PlatformSigner() => new(MchId, PlatformSerial, PrivateKey(PayVectorsThirdParty.GunsluoPrivateKey));

    public static RSA PrivateKey(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    public static RSA CertificateKey(string pem)
    {
        using var certificate = X509Certificate2.CreateFromPem(pem);
        return certificate.GetRSAPublicKey()!;
    }

    public static PayPlatformKeys Keys(string certificatePem)
    {
        var keys = new PayPlatformKeys();
        keys.AddCertificatesPem(certificatePem);
        return keys;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>An in-memory WeChat Pay: answers from a script and records every request with its headers and body.</summary>
internal sealed class FakePayServer : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> answers = new();
    private readonly PaySigner platform = PayTest.PlatformSigner();
    private readonly TimeProvider clock;

    public FakePayServer(TimeProvider clock) => this.clock = clock;

    public List<PayRequestRecord> Requests { get; } = [];

    /// <summary>A 2xx answer signed over exactly <paramref name="body"/> with the platform key.</summary>
    public FakePayServer Signed(HttpStatusCode status, string body, long? timestamp = null, string? signedBody = null) => Then(_ =>
    {
        var response = Plain(status, body);
        var headers = platform.SignResponse(signedBody ?? body, timestamp ?? clock.GetUtcNow().ToUnixTimeSeconds(), PaySigner.NewNonce());
        foreach (var (name, value) in headers.ToPairs())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    });

    public FakePayServer Unsigned(HttpStatusCode status, string body) => Then(_ => Plain(status, body));

    public FakePayServer Bytes(byte[] body) => Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });

    public FakePayServer Error(HttpStatusCode status, string code, string message, string? requestId = null) => Then(_ =>
    {
        var response = Plain(status, $$"""{"code":"{{code}}","message":"{{message}}"}""");
        if (requestId is not null)
        {
            response.Headers.TryAddWithoutValidation("Request-ID", requestId);
        }

        return response;
    });

    public FakePayServer Throw(Exception exception) => Then(_ => throw exception);

    public FakePayServer Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        answers.Enqueue(answer);
        return this;
    }

    public HttpClient Client() => new(this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new PayRequestRecord(request.Method, request.RequestUri!, headers, body, request.Content?.Headers.ContentType?.MediaType));
        if (!answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"No scripted answer for request {Requests.Count}.");
        }

        return answer(request);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            platform.Dispose();
        }

        base.Dispose(disposing);
    }

    private static HttpResponseMessage Plain(HttpStatusCode status, string body) =>
        new(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
}

internal sealed record PayRequestRecord(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, byte[] Body, string? MediaType)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

internal static class PayOptionsExtensions
{
    public static IOptions<WeChatPayOptions> Wrap(this WeChatPayOptions options) => Microsoft.Extensions.Options.Options.Create(options);
}
