using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// The body of <c>POST /v3/refund/domestic/refunds</c> (wechatpay-go <c>services/refunddomestic</c>).
/// Name the payment by <see cref="TransactionId"/> or <see cref="OutTradeNo"/>; WeChat Pay prefers
/// transaction_id when both are given. <see cref="WeChatPayClient"/> fills a null
/// <see cref="NotifyUrl"/> from <see cref="WeChatPayOptions.RefundNotifyUrl"/>.
/// </summary>
public sealed record RefundRequest
{
    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("out_trade_no")]
    public string? OutTradeNo { get; init; }

    /// <summary>1 to 64 of <c>0-9 A-Z a-z _ - | * @</c>; the same number refunds only once.</summary>
    [JsonPropertyName("out_refund_no")]
    public required string OutRefundNo { get; init; }

    /// <summary>Shown to the user; at most 80 UTF-8 bytes.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("notify_url")]
    public string? NotifyUrl { get; init; }

    /// <summary>AVAILABLE to refund from the available balance; null refunds from unsettled funds.</summary>
    [JsonPropertyName("funds_account")]
    public string? FundsAccount { get; init; }

    [JsonPropertyName("amount")]
    public required RefundRequestAmount Amount { get; init; }

    public string ToJson() => PayJson.Write(this);

    /// <summary>Every documented rule the request breaks, one sentence each.</summary>
    public IReadOnlyList<string> Validate(bool allowHttpNotifyUrl = false)
    {
        var faults = new List<string>();
        var hasTransaction = !string.IsNullOrEmpty(TransactionId);
        var hasOutTradeNo = !string.IsNullOrEmpty(OutTradeNo);
        if (!hasTransaction && !hasOutTradeNo)
        {
            faults.Add("transaction_id or out_trade_no is required.");
        }

        if (hasTransaction && !PayRules.IsTransactionId(TransactionId))
        {
            faults.Add("transaction_id must be 1 to 32 digits.");
        }

        if (hasOutTradeNo && !PayRules.IsOutTradeNo(OutTradeNo))
        {
            faults.Add("out_trade_no must be 6 to 32 of 0-9 A-Z a-z _ - | *.");
        }

        if (!PayRules.IsOutRefundNo(OutRefundNo))
        {
            faults.Add("out_refund_no must be 1 to 64 of 0-9 A-Z a-z _ - | * @.");
        }

        if (PayRules.Utf8Length(Reason) > PayRules.MaxReasonBytes)
        {
            faults.Add($"reason must be at most {PayRules.MaxReasonBytes} UTF-8 bytes.");
        }

        if (NotifyUrl is not null && !PayRules.IsNotifyUrl(NotifyUrl, allowHttpNotifyUrl))
        {
            faults.Add($"notify_url must be an absolute {(allowHttpNotifyUrl ? "http or https" : "https")} URL of at most {PayRules.MaxNotifyUrlLength} characters without query string.");
        }

        if (Amount is null)
        {
            faults.Add("amount is required.");
            return faults;
        }

        if (Amount.Refund <= 0)
        {
            faults.Add("amount.refund must be a positive number of fen.");
        }

        if (Amount.Total <= 0)
        {
            faults.Add("amount.total must be a positive number of fen.");
        }

        if (Amount.Refund > Amount.Total)
        {
            faults.Add("amount.refund must not exceed amount.total.");
        }

        if (Amount.Currency != PayRules.Currency)
        {
            faults.Add("amount.currency must be CNY.");
        }

        return faults;
    }

    public override string ToString() => $"RefundRequest {{ OutRefundNo = {OutRefundNo}, OutTradeNo = {OutTradeNo}, Refund = {Amount?.Refund} }}";
}

/// <summary>How much to refund of how much was paid, in fen.</summary>
public sealed record RefundRequestAmount(
    [property: JsonPropertyName("refund")] int Refund,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("currency")] string Currency = PayRules.Currency);

/// <summary>
/// A refund as WeChat Pay reports it: the answer of the refund request and of
/// <c>GET /v3/refund/domestic/refunds/{out_refund_no}</c>.
/// </summary>
public sealed record RefundResult
{
    [JsonPropertyName("refund_id")]
    public string RefundId { get; init; } = "";

    [JsonPropertyName("out_refund_no")]
    public string OutRefundNo { get; init; } = "";

    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("out_trade_no")]
    public string? OutTradeNo { get; init; }

    /// <summary>ORIGINAL, BALANCE, OTHER_BALANCE or OTHER_BANKCARD.</summary>
    [JsonPropertyName("channel")]
    public string? Channel { get; init; }

    [JsonPropertyName("user_received_account")]
    public string? UserReceivedAccount { get; init; }

    [JsonPropertyName("success_time")]
    [JsonConverter(typeof(PayTimeConverter))]
    public DateTimeOffset? SuccessTime { get; init; }

    [JsonPropertyName("create_time")]
    [JsonConverter(typeof(PayTimeConverter))]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonPropertyName("status")]
    public RefundStatus Status { get; init; }

    [JsonPropertyName("funds_account")]
    public string? FundsAccount { get; init; }

    [JsonPropertyName("amount")]
    public RefundAmount? Amount { get; init; }

    public string ToJson() => PayJson.Write(this);

    public override string ToString() => $"RefundResult {{ OutRefundNo = {OutRefundNo}, RefundId = {RefundId}, Status = {Status} }}";
}

/// <summary>
/// The decrypted resource of a REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED notification
/// (SKIT <c>EventSamples/_/Refund/RefundResource.json</c>). The state is <c>refund_status</c> here, <c>status</c> in <see cref="RefundResult"/>.
/// </summary>
public sealed record RefundResource
{
    [JsonPropertyName("mchid")]
    public string MchId { get; init; } = "";

    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("out_trade_no")]
    public string? OutTradeNo { get; init; }

    [JsonPropertyName("refund_id")]
    public string RefundId { get; init; } = "";

    [JsonPropertyName("out_refund_no")]
    public string OutRefundNo { get; init; } = "";

    [JsonPropertyName("refund_status")]
    public RefundStatus RefundStatus { get; init; }

    [JsonPropertyName("success_time")]
    [JsonConverter(typeof(PayTimeConverter))]
    public DateTimeOffset? SuccessTime { get; init; }

    [JsonPropertyName("user_received_account")]
    public string? UserReceivedAccount { get; init; }

    [JsonPropertyName("amount")]
    public RefundAmount? Amount { get; init; }

    public string ToJson() => PayJson.Write(this);

    /// <summary>The refund in <paramref name="json"/>; null when it is not a refund object.</summary>
    public static RefundResource? Parse(string? json) => PayJson.Read<RefundResource>(json) is { OutRefundNo.Length: > 0 } refund ? refund : null;

    public override string ToString() => $"RefundResource {{ OutRefundNo = {OutRefundNo}, RefundId = {RefundId}, RefundStatus = {RefundStatus} }}";
}

/// <summary>A refund's amounts in fen. The settlement and discount fields appear in API answers only.</summary>
public sealed record RefundAmount
{
    /// <summary>The order's total.</summary>
    [JsonPropertyName("total")]
    public int Total { get; init; }

    /// <summary>The refund requested.</summary>
    [JsonPropertyName("refund")]
    public int Refund { get; init; }

    [JsonPropertyName("payer_total")]
    public int? PayerTotal { get; init; }

    /// <summary>What goes back to the user.</summary>
    [JsonPropertyName("payer_refund")]
    public int? PayerRefund { get; init; }

    [JsonPropertyName("settlement_refund")]
    public int? SettlementRefund { get; init; }

    [JsonPropertyName("settlement_total")]
    public int? SettlementTotal { get; init; }

    [JsonPropertyName("discount_refund")]
    public int? DiscountRefund { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("refund_fee")]
    public int? RefundFee { get; init; }
}

/// <summary>A refund's state (wechatpay-go <c>refunddomestic.Status</c>); a value unknown to this library reads as <see cref="Unknown"/>.</summary>
[JsonConverter(typeof(PayEnumConverter<RefundStatus>))]
public enum RefundStatus
{
    Unknown = 0,

    /// <summary>Refunded (退款成功).</summary>
    Success,

    /// <summary>Closed (退款关闭).</summary>
    Closed,

    /// <summary>Being processed (退款处理中).</summary>
    Processing,

    /// <summary>Failed at the bank; handle it in the merchant platform or with the abnormal-refund API (退款异常).</summary>
    Abnormal,
}
