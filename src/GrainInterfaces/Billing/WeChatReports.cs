namespace HospitalOrleans.GrainInterfaces.Billing;

/// <summary>
/// A WeChat Pay transaction as a verified notification or an order query told it. Carries no
/// personal data beyond the payer's OpenID, which stays out of logs (<see cref="ToString"/>).
/// </summary>
/// <param name="TradeState">WeChat's trade_state: SUCCESS, NOTPAY, CLOSED, REFUND, USERPAYING, PAYERROR, REVOKED.</param>
[GenerateSerializer, Alias("hospital.WeChatTransactionReport")]
public sealed record WeChatTransactionReport(
    [property: Id(0)] string MchId,
    [property: Id(1)] string AppId,
    [property: Id(2)] string OutTradeNo,
    [property: Id(3)] string? TransactionId,
    [property: Id(4)] string TradeState,
    [property: Id(5)] long AmountFen,
    [property: Id(6)] DateTimeOffset? SuccessTime,
    [property: Id(7)] string? PayerOpenId)
{
    public bool Succeeded => TradeState == "SUCCESS" || TradeState == "REFUND";

    public override string ToString() => $"WeChatTransactionReport({OutTradeNo}, {TradeState}, {AmountFen} fen)";
}

/// <summary>A WeChat Pay refund result (REFUND.* notification or refund query).</summary>
/// <param name="Status">SUCCESS, PROCESSING, ABNORMAL or CLOSED.</param>
[GenerateSerializer, Alias("hospital.WeChatRefundReport")]
public sealed record WeChatRefundReport(
    [property: Id(0)] string MchId,
    [property: Id(1)] string OutRefundNo,
    [property: Id(2)] string? RefundId,
    [property: Id(3)] string Status,
    [property: Id(4)] long RefundFen,
    [property: Id(5)] DateTimeOffset? SuccessTime);
