using System.Text;
using System.Text.Json;
using HospitalOrleans.WeChat.Pay;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>
/// The door of the v3 API: checks a merchant request's <c>Authorization</c> (scheme, mchid, serial,
/// a timestamp within five minutes, the RSA signature over <c>METHOD\nURL\nts\nnonce\nbody\n</c> with
/// the merchant public key) and signs every answer with the platform key (Wechatpay-* headers).
/// </summary>
public sealed class PayGuard(IOptions<SimulatedPayOptions> options, PayKeyring keys, TimeProvider time, IHttpContextAccessor accessor)
{
    public string MchId => options.Value.MchId;

    /// <summary>The raw body, and a signed 401 SIGN_ERROR answer when the request is not the merchant's.</summary>
    public async Task<(string Body, IResult? Refused)> AdmitAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await JsonBodies.ReadAsync(request);
        var auth = PayAuthorization.TryParse(request.Headers.Authorization.FirstOrDefault());
        if (auth is null) return (body, Error(401, PayErrorCodes.SignError, "Authorization头缺失或格式错误"));
        if (auth.MchId != MchId) return (body, Error(401, PayErrorCodes.SignError, "商户号与签名不匹配"));
        if (!keys.IsMerchantSerial(auth.SerialNo)) return (body, Error(401, PayErrorCodes.SignError, "商户证书序列号有误"));
        var skew = Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - auth.Timestamp);
        if (skew >= PayApi.MaxSkew.TotalSeconds) return (body, Error(401, PayErrorCodes.SignError, "timestamp与当前时间相差过大"));
        // The URL exactly as sent (path and query), as the merchant signed it.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path + request.QueryString;
        var message = PaySigner.RequestMessage(request.Method, target, auth.Timestamp, auth.NonceStr, body);
        return keys.VerifyMerchant(message, auth.Signature)
            ? (body, null)
            : (body, Error(401, PayErrorCodes.SignError, "签名错误"));
    }

    /// <summary>A signed JSON answer (a 204 signs the empty body).</summary>
    public IResult Json(int status, string body)
    {
        var response = accessor.HttpContext!.Response;
        foreach (var (name, value) in keys.Platform.SignResponse(body, time.GetUtcNow().ToUnixTimeSeconds(), PaySigner.NewNonce()).ToPairs())
            response.Headers[name] = value;
        response.Headers["Request-ID"] = RandomText.RequestId();
        return status == StatusCodes.Status204NoContent
            ? TypedResults.NoContent()
            : TypedResults.Text(body, "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>WeChat Pay's error shape <c>{"code","message"}</c>, signed too.</summary>
    public IResult Error(int status, string code, string message) =>
        Json(status, JsonSerializer.Serialize(new { code, message }, SimulatorJson.WeChat));
}
