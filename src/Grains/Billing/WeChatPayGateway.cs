using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// The merchant's WeChat Pay account as the grains reach it: the client (null when the hospital
/// has not configured WeChat Pay — then bills are paid at the window only) and the merchant's ids
/// that every notification must name.
/// </summary>
public sealed class WeChatPayGateway(WeChatPayClient? client, WeChatPayOptions? options, RefundThrottle throttle)
{
    public static WeChatPayGateway Off { get; } = new(null, null, new RefundThrottle(1));

    public WeChatPayClient? Client => client;

    public bool Enabled => client is not null && options is not null;

    public string MchId => options?.MchId ?? "";

    public string AppId => options?.AppId ?? "";

    /// <summary>Refund requests wait here for their turn: WeChat Pay limits how often a merchant may ask.</summary>
    public RefundThrottle Refunds => throttle;
}
