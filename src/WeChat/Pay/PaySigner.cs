using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// Signs with the merchant private key: the <c>Authorization</c> header of every API v3 call
/// and the <c>paySign</c> of the JSAPI payment. RSA-SHA256 PKCS#1 v1.5, Base64
/// (wechatpay-go <c>core/consts/const.go</c>, <c>core/auth/signers</c>).
/// </summary>
public sealed class PaySigner : IDisposable
{
    /// <summary>The Authorization scheme of API v3 requests.</summary>
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>The <c>signType</c> of the JSAPI payment; not part of the signed text.</summary>
    public const string PaySignType = "RSA";

    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int NonceLength = 32;

    private readonly RSA key;
    private readonly Lock gate = new();

    /// <summary>The merchant key from <see cref="WeChatPayOptions"/> (run <see cref="WeChatPayOptionsValidator"/> first).</summary>
    /// <exception cref="InvalidOperationException">No usable private key is configured.</exception>
    public PaySigner(IOptions<WeChatPayOptions> options)
        : this(options.Value.MchId, options.Value.MerchantSerialNo, LoadKey(options.Value))
    {
    }

    /// <summary>Signs as <paramref name="mchId"/> with <paramref name="privateKey"/>, which the signer now owns and disposes.</summary>
    public PaySigner(string mchId, string serialNo, RSA privateKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mchId);
        ArgumentException.ThrowIfNullOrWhiteSpace(serialNo);
        ArgumentNullException.ThrowIfNull(privateKey);
        MchId = mchId;
        SerialNo = serialNo;
        key = privateKey;
    }

    public string MchId { get; }

    /// <summary>The merchant certificate serial sent as <c>serial_no</c>.</summary>
    public string SerialNo { get; }

    /// <summary>Base64 RSA-SHA256 of <paramref name="message"/>'s UTF-8 bytes with the merchant key.</summary>
    public string Sign(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            return PayKeys.Sign(key, message);
        }
    }

    /// <summary>
    /// The text an API v3 request signs: <c>METHOD\nURL\ntimestamp\nnonce\nbody\n</c>, where URL is
    /// the path and query exactly as sent and body is "" for a GET.
    /// </summary>
    public static string RequestMessage(string method, string pathAndQuery, long timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{nonce}\n{body}\n";

    /// <summary>
    /// The <c>Authorization</c> header value, attributes in the official SDKs' order:
    /// <c>WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"</c>.
    /// </summary>
    public string AuthorizationHeader(string method, string pathAndQuery, string body, long timestamp, string nonce)
    {
        var signature = Sign(RequestMessage(method, pathAndQuery, timestamp, nonce, body));
        return new PayAuthorization(MchId, nonce, timestamp, SerialNo, signature).ToHeaderValue();
    }

    /// <summary>
    /// The arguments of <c>WeixinJSBridge.invoke('getBrandWCPayRequest', …)</c> for a prepay_id:
    /// <c>package = "prepay_id=…"</c>, <c>signType = "RSA"</c>, <c>paySign</c> over <see cref="PayMessage"/>.
    /// </summary>
    public JsapiPayParameters PayParameters(string appId, string prepayId, long timestamp, string nonce)
    {
        var package = "prepay_id=" + prepayId;
        var paySign = Sign(PayMessage(appId, timestamp, nonce, package));
        return new JsapiPayParameters(appId, timestamp.ToString(CultureInfo.InvariantCulture), nonce, package, PaySignType, paySign);
    }

    /// <summary>The text paySign signs: <c>appId\ntimeStamp\nnonceStr\npackage\n</c> (a newline after every line, the last too).</summary>
    public static string PayMessage(string appId, long timestamp, string nonce, string package) =>
        $"{appId}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{nonce}\n{package}\n";

    /// <summary>
    /// For a simulator signing as WeChat Pay (this signer holding the platform key and its serial or
    /// public-key id): the headers of an answer or notification with <paramref name="body"/>.
    /// </summary>
    public PaySignedHeaders SignResponse(string body, long timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(body);
        var timestampText = timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = Sign($"{timestampText}\n{nonce}\n{body}\n");
        return new PaySignedHeaders(timestampText, nonce, signature, SerialNo, PaySignedHeaders.RsaSignatureType);
    }

    /// <summary>A fresh 32-character nonce of upper-case letters and digits.</summary>
    public static string NewNonce() => RandomNumberGenerator.GetString(NonceAlphabet, NonceLength);

    public void Dispose() => key.Dispose();

    public override string ToString() => $"PaySigner {{ MchId = {MchId}, SerialNo = {SerialNo} }}";

    private static RSA LoadKey(WeChatPayOptions options) =>
        PayKeys.TryLoadPrivateKey(options.ReadMerchantPrivateKeyPem())
        ?? throw new InvalidOperationException($"{WeChatPayOptions.Section}: the merchant private key is not an RSA private key in PEM.");
}
