using System.Globalization;
using System.Text.Json;
using HospitalOrleans.WeChat.Pay;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>
/// WeChat Pay API v3 for JSAPI payments (PROTOCOL §10), played from WeChat Pay's side: every merchant
/// request's Authorization is checked against the merchant key, every answer is signed with the
/// platform key. Plus the simulator's own controls under <c>/sim/api/pay</c>.
/// </summary>
public static class PayApi
{
    /// <summary>A merchant request's timestamp may differ from now by less than this.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapPayApi(this IEndpointRouteBuilder routes)
    {
        var v3 = routes.MapGroup("/v3").WithTags("WeChat Pay API v3");
        v3.MapPost("/pay/transactions/jsapi", CreateOrder).WithName("PayCreateJsapiOrder");
        v3.MapGet("/pay/transactions/out-trade-no/{outTradeNo}", QueryOrder).WithName("PayQueryOrder");
        v3.MapGet("/pay/transactions/id/{transactionId}", QueryOrderById).WithName("PayQueryOrderById");
        v3.MapPost("/pay/transactions/out-trade-no/{outTradeNo}/close", CloseOrder).WithName("PayCloseOrder");
        v3.MapPost("/refund/domestic/refunds", CreateRefund).WithName("PayCreateRefund");
        v3.MapGet("/refund/domestic/refunds/{outRefundNo}", QueryRefund).WithName("PayQueryRefund");
        v3.MapGet("/bill/tradebill", ApplyTradeBill).WithName("PayTradeBill");
        v3.MapGet("/billdownload/file", DownloadBill).WithName("PayBillDownload");

        var sim = routes.MapGroup("/sim/api/pay").WithTags("Simulator pay control");
        sim.MapGet("/keys", Keys).WithName("PayDemoKeys");
        sim.MapGet("/orders", Orders).WithName("PayOrders");
        sim.MapPost("/faults", SetFaults).WithName("PaySetFaults");
        sim.MapDelete("/faults", ClearFaults).WithName("PayClearFaults");
        sim.MapPost("/{prepayId}/pay", PayFromApi).WithName("PayConfirm");

        routes.MapGet("/sim/pay/{prepayId}", PayPage.Show).WithTags("Simulator pages").WithName("PayPage");
        routes.MapPost("/sim/pay/{prepayId}/confirm", PayPage.Confirm).WithTags("Simulator pages").WithName("PayPageConfirm");
        return routes;
    }

    public static async Task<IResult> CreateOrder(HttpContext context, PayGuard guard, PayLedger ledger, TimeProvider time, IOptions<SimulatorOptions> account)
    {
        var (body, refused) = await guard.AdmitAsync(context);
        if (refused is not null) return refused;
        var request = PayJson.Read<JsapiOrderRequest>(body);
        if (request is null) return guard.Error(400, PayErrorCodes.ParamError, "请求体不是有效的JSON订单");
        var faults = request.Validate(time.GetUtcNow(), allowHttpNotifyUrl: true);
        if (faults.Count > 0) return guard.Error(400, PayErrorCodes.ParamError, string.Join(" ", faults));
        if (request.MchId != guard.MchId) return guard.Error(400, PayErrorCodes.ParamError, "mchid与请求头中的商户号不一致");
        if (request.AppId != account.Value.AppId) return guard.Error(400, PayErrorCodes.AppIdMchIdNotMatch, "appid和mch_id不匹配");

        var (outcome, order) = ledger.Create(request);
        return outcome == PayOutcome.Conflict
            ? guard.Error(400, PayErrorCodes.InvalidRequest, "201 商户订单号重复")
            : guard.Json(200, PayJson.Write(new JsapiOrderResponse(order!.PrepayId)));
    }

    public static async Task<IResult> QueryOrder(string outTradeNo, [FromQuery(Name = "mchid")] string? mchId, HttpContext context, PayGuard guard, PayLedger ledger)
    {
        var (_, refused) = await guard.AdmitAsync(context);
        if (refused is not null) return refused;
        if (mchId != guard.MchId) return guard.Error(400, PayErrorCodes.ParamError, "mchid参数错误");
        return ledger.Find(mchId, outTradeNo) is { } order
            ? guard.Json(200, ledger.Transaction(order).ToJson())
            : guard.Error(404, PayErrorCodes.OrderNotExist, "订单不存在");
    }

    public static async Task<IResult> QueryOrderById(string transactionId, [FromQuery(Name = "mchid")] string? mchId, HttpContext context, PayGuard guard, PayLedger ledger)
    {
        var (_, refused) = await guard.AdmitAsync(context);
        if (refused is not null) return refused;
        if (mchId != guard.MchId) return guard.Error(400, PayErrorCodes.ParamError, "mchid参数错误");
        return ledger.FindByTransactionId(mchId, transactionId) is { } order
            ? guard.Json(200, ledger.Transaction(order).ToJson())
            : guard.Error(404, PayErrorCodes.OrderNotExist, "订单不存在");
    }

    public static async Task<IResult> CloseOrder(string outTradeNo, HttpContext context, PayGuard guard, PayLedger ledger)
    {
        var (body, refused) = await guard.AdmitAsync(context);
        if (refused is not null) return refused;
        var mchId = JsonBodies.IsJsonObject(body) ? JsonBodies.StringProperty(body, "mchid") : null;
        if (mchId != guard.MchId) return guard.Error(400, PayErrorCodes.ParamError, "mchid参数错误");
        if (ledger.Find(mchId, outTradeNo) is not { } order) return guard.Error(404, PayErrorCodes.OrderNotExist, "订单不存在");
        return ledger.Close(order) == PayOutcome.Paid
            ? guard.Error(400, PayErrorCodes.OrderPaid, "订单已支付")
            : guard.Json(204, "");
    }

    public static async Task<IResult> CreateRefund(HttpContext context, PayGuard guard, PayLedger ledger, PayNotifier notifier, PayFaultSwitch faults)
    {
        var (body, refused) = await guard.AdmitAsync(context);
        if (refused is not null) return refused;
        var request = PayJson.Read<RefundRequest>(body);
        if (request is null) return guard.Error(400, PayErrorCodes.ParamError, "请求体不是有效的JSON退款申请");
        var problems = request.Validate(allowHttpNotifyUrl: true);
        if (problems.Count > 0) return guard.Error(400, PayErrorCodes.ParamError, string.Join(" ", problems));

        var (outcome, refund) = ledger.Refund(guard.MchId, request);
        switch (outcome)
        {
            case PayOutcome.Created:
                notifier.SettleRefund(refund!, faults.Current);
                return guard.Json(200, ledger.Result(refund!).ToJson());
            case PayOutcome.Repeated:
                return guard.Json(200, ledger.Result(refund!).ToJson());
            case PayOutcome.Conflict:
                return guard.Error(400, PayErrorCodes.InvalidRequest, "商户退款单号重复，且与之前的退款申请不一致");
            case PayOutcome.NotFound:
                return guard.Error(404, PayErrorCodes.ResourceNotExists, "订单不存在");
            case PayOutcome.NotPaid:
                return guard.Error(400, PayErrorCodes.InvalidRequest, "订单未支付，不能退款");
            case PayOutcome.TotalMismatch:
                return guard.Error(400, PayErrorCodes.InvalidRequest, "订单金额与原订单不一致");
            default:
                return guard.Error(400, PayErrorCodes.InvalidRequest, "申请退款金额超过订单可退金额");
        }
    }

    public static async Task<IResult> QueryRefund(string outRefundNo, HttpContext context, PayGuard guard, PayLedger ledger)
    {
        var (_, refused) = await guard.AdmitAsync(context);
        if (refused is not null) return refused;
        return ledger.FindRefund(guard.MchId, outRefundNo) is { } refund
            ? guard.Json(200, ledger.Result(refund).ToJson())
            : guard.Error(404, PayErrorCodes.ResourceNotExists, "退款单不存在");
    }

    public static async Task<IResult> ApplyTradeBill([FromQuery(Name = "bill_date")] string? billDate, HttpContext context, PayGuard guard, PayLedger ledger, PayBills bills)
    {
        var (_, refused) = await guard.AdmitAsync(context);
        if (refused is not null) return refused;
        if (!DateOnly.TryParseExact(billDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return guard.Error(400, PayErrorCodes.ParamError, "bill_date格式应为yyyy-MM-dd");
        var rows = ledger.BillRows(guard.MchId, day);
        if (rows.Count == 0) return guard.Error(400, PayErrorCodes.NoStatementExist, "账单不存在");
        var (token, sha1) = bills.Add(TradeBillWriter.Write(rows));
        var url = $"{context.Request.Scheme}://{context.Request.Host}/v3/billdownload/file?token={token}";
        return guard.Json(200, PayJson.Write(new TradeBillLocation(url, "SHA1", sha1)));
    }

    /// <summary>The bill file itself: signed GET like every call, answered unsigned (as WeChat Pay does), bytes as written.</summary>
    public static async Task<IResult> DownloadBill([FromQuery(Name = "token")] string? token, HttpContext context, PayGuard guard, PayBills bills)
    {
        var (_, refused) = await guard.AdmitAsync(context);
        if (refused is not null) return refused;
        return bills.Find(token) is { } file
            ? TypedResults.File(file, "text/plain; charset=utf-8")
            : guard.Error(404, PayErrorCodes.ResourceNotExists, "账单下载链接无效");
    }

    /// <summary>
    /// DEMO ONLY: hands out the merchant's PRIVATE key and the APIv3 key so a platform in a demo or a
    /// test can configure itself against this simulator. Real WeChat Pay never has the merchant key.
    /// </summary>
    public static IResult Keys(PayKeyring keys, IOptions<SimulatedPayOptions> options, IOptions<SimulatorOptions> account) =>
        WeChatReply.Json(new
        {
            demo_only = true,
            mch_id = options.Value.MchId,
            app_id = account.Value.AppId,
            api_v3_key = options.Value.ApiV3Key,
            merchant_serial_no = keys.MerchantSerialNo,
            merchant_private_key_pem = keys.MerchantPrivateKeyPem,
            platform_public_key_id = keys.PlatformPublicKeyId,
            platform_public_key_pem = keys.PlatformPublicKeyPem,
        });

    public static IResult Orders(PayLedger ledger) => WeChatReply.Json(ledger.Snapshot());

    public static async Task<IResult> SetFaults(HttpRequest request, PayFaultSwitch faults)
    {
        var body = await JsonBodies.ReadAsync(request);
        if (ReadFaults(body) is not { } set) return TypedResults.BadRequest(new { code = "PARAM_ERROR", message = "faults must be a JSON object" });
        faults.Set(set);
        return WeChatReply.Json(set);
    }

    public static IResult ClearFaults(PayFaultSwitch faults)
    {
        faults.Set(PayFaults.None);
        return WeChatReply.Json(PayFaults.None);
    }

    /// <summary>What the pay page's button does, for tests: the body may carry <see cref="PayFaults"/> for this payment.</summary>
    public static async Task<IResult> PayFromApi(string prepayId, HttpRequest request, PayLedger ledger, PayNotifier notifier, PayFaultSwitch faults)
    {
        var body = await JsonBodies.ReadAsync(request);
        var chosen = string.IsNullOrWhiteSpace(body) ? faults.Current : ReadFaults(body);
        if (chosen is null) return TypedResults.BadRequest(new { code = "PARAM_ERROR", message = "the body must be empty or a JSON object of faults" });
        var (status, outcome) = Confirm(prepayId, ledger, notifier, chosen);
        return TypedResults.Json(outcome, SimulatorJson.WeChat, statusCode: status);
    }

    /// <summary>Pays the order behind <paramref name="prepayId"/> and schedules its notification.</summary>
    public static (int Status, PayConfirmation Outcome) Confirm(string prepayId, PayLedger ledger, PayNotifier notifier, PayFaults faults)
    {
        if (ledger.FindByPrepayId(prepayId) is not { } order) return (404, new PayConfirmation("ORDER_NOT_EXIST", "订单不存在"));
        switch (ledger.Pay(order))
        {
            case PayOutcome.Created:
                notifier.TransactionSuccess(order, faults);
                var paid = ledger.Transaction(order);
                return (200, new PayConfirmation("SUCCESS", "支付成功", order.Request.OutTradeNo, paid.TransactionId, paid.SuccessTime is { } at ? PayJson.FormatTime(at) : null));
            case PayOutcome.Expired:
                return (400, new PayConfirmation("ORDER_EXPIRED", "订单已过期", order.Request.OutTradeNo));
            case PayOutcome.Closed:
                return (400, new PayConfirmation(PayErrorCodes.OrderClosed, "订单已关闭", order.Request.OutTradeNo));
            default:
                return (400, new PayConfirmation(PayErrorCodes.OrderPaid, "订单已支付", order.Request.OutTradeNo, order.TransactionId));
        }
    }

    private static PayFaults? ReadFaults(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return PayFaults.None;
        if (!JsonBodies.IsJsonObject(body)) return null;
        try
        {
            return JsonSerializer.Deserialize<PayFaults>(body, FaultJson) ?? PayFaults.None;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // snake_case like every simulator answer: duplicate, delay_seconds, tamper_signature, tamper_amount, stale_timestamp, refund_abnormal.
    private static readonly JsonSerializerOptions FaultJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true };

    public sealed record PayConfirmation(string Code, string Message, string? OutTradeNo = null, string? TransactionId = null, string? SuccessTime = null);
}
