using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// A payment as WeChat Pay reports it: the answer of the order queries and the decrypted resource
/// of a <c>TRANSACTION.SUCCESS</c> notification. Fields WeChat Pay omits (transaction_id before
/// payment, success_time, payer_total…) are null.
/// </summary>
public sealed record Transaction
{
    [JsonPropertyName("appid")]
    public string AppId { get; init; } = "";

    [JsonPropertyName("mchid")]
    public string MchId { get; init; } = "";

    [JsonPropertyName("out_trade_no")]
    public string OutTradeNo { get; init; } = "";

    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    /// <summary>JSAPI, NATIVE, APP, MICROPAY, MWEB or FACEPAY.</summary>
    [JsonPropertyName("trade_type")]
    public string? TradeType { get; init; }

    [JsonPropertyName("trade_state")]
    public TradeState TradeState { get; init; }

    [JsonPropertyName("trade_state_desc")]
    public string? TradeStateDesc { get; init; }

    [JsonPropertyName("bank_type")]
    public string? BankType { get; init; }

    [JsonPropertyName("attach")]
    public string? Attach { get; init; }

    [JsonPropertyName("success_time")]
    [JsonConverter(typeof(PayTimeConverter))]
    public DateTimeOffset? SuccessTime { get; init; }

    [JsonPropertyName("payer")]
    public Payer? Payer { get; init; }

    [JsonPropertyName("amount")]
    public TransactionAmount? Amount { get; init; }

    public string ToJson() => PayJson.Write(this);

    /// <summary>The transaction in <paramref name="json"/>; null when it is not a transaction object.</summary>
    public static Transaction? Parse(string? json) => PayJson.Read<Transaction>(json) is { OutTradeNo.Length: > 0 } transaction ? transaction : null;

    // Carries the payer's openid and the amount; only identifiers and the state are printed.
    public override string ToString() => $"Transaction {{ OutTradeNo = {OutTradeNo}, TransactionId = {TransactionId}, TradeState = {TradeState} }}";
}

/// <summary>The user paying: the openid under the order's appid.</summary>
public sealed record Payer([property: JsonPropertyName("openid")] string OpenId)
{
    public override string ToString() => "Payer { OpenId = *** }";
}

/// <summary>What an order costs and what the user paid, in fen (分).</summary>
public sealed record TransactionAmount
{
    [JsonPropertyName("total")]
    public int Total { get; init; }

    [JsonPropertyName("payer_total")]
    public int? PayerTotal { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("payer_currency")]
    public string? PayerCurrency { get; init; }
}

/// <summary><c>trade_state</c> (wechatpay-java <c>Transaction.TradeStateEnum</c>); a value unknown to this library reads as <see cref="Unknown"/>.</summary>
[JsonConverter(typeof(PayEnumConverter<TradeState>))]
public enum TradeState
{
    Unknown = 0,

    /// <summary>Paid (支付成功).</summary>
    Success,

    /// <summary>Refunded in part or whole (转入退款).</summary>
    Refund,

    /// <summary>Not paid yet (未支付).</summary>
    NotPay,

    /// <summary>Closed (已关闭).</summary>
    Closed,

    /// <summary>Revoked, payment-code orders only (已撤销).</summary>
    Revoked,

    /// <summary>The user is entering the password (用户支付中).</summary>
    UserPaying,

    /// <summary>Payment failed (支付失败).</summary>
    PayError,

    /// <summary>Accepted, awaiting deduction (已接收，等待扣款).</summary>
    Accept,
}
