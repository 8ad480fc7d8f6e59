using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>A day's trade bill (交易账单): one row per payment and per refund, and the summary line.</summary>
public sealed record TradeBill(IReadOnlyList<TradeBillRow> Rows, TradeBillSummary Summary)
{
    public override string ToString() => $"TradeBill {{ Rows = {Rows.Count}, Summary = {Summary} }}";
}

/// <summary>
/// One line of the trade bill. Amounts the bill shows in yuan with two decimals are converted to
/// fen exactly; the fee keeps its five decimals as yuan. Text fields are as the bill shows them.
/// </summary>
public sealed record TradeBillRow
{
    /// <summary>交易时间: payment success time, or refund acceptance time for a refund row; China time.</summary>
    public required DateTimeOffset TradeTime { get; init; }

    /// <summary>公众账号ID.</summary>
    public string AppId { get; init; } = "";

    /// <summary>商户号.</summary>
    public string MchId { get; init; } = "";

    /// <summary>特约商户号 ("0" for a direct merchant).</summary>
    public string SubMchId { get; init; } = "";

    /// <summary>设备号.</summary>
    public string DeviceInfo { get; init; } = "";

    /// <summary>微信订单号.</summary>
    public required string TransactionId { get; init; }

    /// <summary>商户订单号.</summary>
    public required string OutTradeNo { get; init; }

    /// <summary>用户标识 (the openid).</summary>
    public string OpenId { get; init; } = "";

    /// <summary>交易类型: JSAPI, NATIVE….</summary>
    public string TradeType { get; init; } = "";

    /// <summary>交易状态: SUCCESS for a payment row, REFUND for a refund row, REVOKED.</summary>
    public required TradeState TradeState { get; init; }

    /// <summary>付款银行.</summary>
    public string BankType { get; init; } = "";

    /// <summary>货币种类.</summary>
    public string Currency { get; init; } = PayRules.Currency;

    /// <summary>应结订单金额 in fen: what the merchant settles for a payment row (0 on a refund row).</summary>
    public required long AmountFen { get; init; }

    /// <summary>代金券金额 in fen.</summary>
    public long CouponAmountFen { get; init; }

    /// <summary>微信退款单号; null on a payment row (the bill shows "0").</summary>
    public string? RefundId { get; init; }

    /// <summary>商户退款单号; null on a payment row (the bill shows "0").</summary>
    public string? OutRefundNo { get; init; }

    /// <summary>退款金额 in fen (0 on a payment row).</summary>
    public long RefundAmountFen { get; init; }

    /// <summary>充值券退款金额 in fen.</summary>
    public long CouponRefundAmountFen { get; init; }

    /// <summary>退款类型: ORIGINAL, BALANCE…; empty on a payment row.</summary>
    public string RefundType { get; init; } = "";

    /// <summary>退款状态 as shown at billing time: SUCCESS, PROCESSING…; empty on a payment row.</summary>
    public string RefundStatus { get; init; } = "";

    /// <summary>商品名称 (the order's description).</summary>
    public string Description { get; init; } = "";

    /// <summary>商户数据包 (the order's attach).</summary>
    public string Attach { get; init; } = "";

    /// <summary>手续费 in yuan, five decimals; negative on a refund row.</summary>
    public decimal Fee { get; init; }

    /// <summary>费率, e.g. "0.60%".</summary>
    public string FeeRate { get; init; } = "";

    /// <summary>订单金额 in fen, when the bill has the column.</summary>
    public long? OrderAmountFen { get; init; }

    /// <summary>申请退款金额 in fen, when the bill has the column.</summary>
    public long? RequestedRefundAmountFen { get; init; }

    /// <summary>费率备注.</summary>
    public string FeeRateRemark { get; init; } = "";

    // Rows carry openids; print identifiers and amounts only.
    public override string ToString() =>
        $"TradeBillRow {{ OutTradeNo = {OutTradeNo}, TradeState = {TradeState}, AmountFen = {AmountFen}, OutRefundNo = {OutRefundNo}, RefundAmountFen = {RefundAmountFen} }}";
}

/// <summary>The bill's last line.</summary>
public sealed record TradeBillSummary
{
    /// <summary>总交易单数.</summary>
    public long TotalCount { get; init; }

    /// <summary>应结订单总金额 in fen.</summary>
    public long AmountFen { get; init; }

    /// <summary>退款总金额 in fen.</summary>
    public long RefundAmountFen { get; init; }

    /// <summary>充值券退款总金额 in fen.</summary>
    public long CouponRefundAmountFen { get; init; }

    /// <summary>手续费总金额 in yuan.</summary>
    public decimal Fee { get; init; }

    /// <summary>订单总金额 in fen, when present.</summary>
    public long? OrderAmountFen { get; init; }

    /// <summary>申请退款总金额 in fen, when present.</summary>
    public long? RequestedRefundAmountFen { get; init; }
}

/// <summary>The answer of <c>GET /v3/bill/tradebill</c>: where to fetch the bill (valid 30 s) and its hash.</summary>
public sealed record TradeBillLocation(
    [property: JsonPropertyName("download_url")] string DownloadUrl,
    [property: JsonPropertyName("hash_type")] string HashType,
    [property: JsonPropertyName("hash_value")] string HashValue)
{
    // The download URL carries a token.
    public override string ToString() => $"TradeBillLocation {{ HashType = {HashType}, HashValue = {HashValue} }}";
}

/// <summary>A parsed bill, or the first fault found (a line number and the rule; never the line's content).</summary>
public sealed record TradeBillParseResult(TradeBill? Bill, string? Fault)
{
    public bool Ok => Bill is not null;
}
