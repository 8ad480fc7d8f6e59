namespace HospitalOrleans.GrainInterfaces.Billing;

/// <summary>
/// The answer to "pay this bill with WeChat": the order the page hands to
/// <c>getBrandWCPayRequest</c> (the front signs it with the merchant key), or why not.
/// </summary>
/// <param name="Reason">Null when started; otherwise a stable code: not-found, not-payable, paid, expired, wechat-pay-off, provider.</param>
[GenerateSerializer, Alias("hospital.WeChatPaymentStart")]
public sealed record WeChatPaymentStart(
    [property: Id(0)] string? Reason,
    [property: Id(1)] string Detail,
    [property: Id(2)] string DetailEn,
    [property: Id(3)] string? OutTradeNo = null,
    [property: Id(4)] string? PrepayId = null,
    [property: Id(5)] DateTimeOffset? ExpiresAt = null,
    [property: Id(6)] long AmountFen = 0)
{
    public bool Started => Reason is null && PrepayId is not null;
}

/// <summary>
/// The outcome of cancelling a booking through its registration bill. <see cref="Reason"/> is null
/// on success; otherwise a stable code (not-found, not-owner, refund-not-allowed, closed, not-live, …)
/// with <see cref="Detail"/> saying why in the patient's words.
/// </summary>
/// <param name="RefundFen">Money on its way back (0 when nothing was paid).</param>
/// <param name="OutRefundNo">The refund started, when there is one.</param>
[GenerateSerializer, Alias("hospital.RegistrationCancellation")]
public sealed record RegistrationCancellation(
    [property: Id(0)] string? Reason,
    [property: Id(1)] string Detail,
    [property: Id(2)] string DetailEn,
    [property: Id(3)] long RefundFen = 0,
    [property: Id(4)] string? OutRefundNo = null)
{
    public bool Cancelled => Reason is null;
}
