namespace HospitalOrleans.WeChat.Server;

/// <summary>
/// The query parameters WeChat puts on a push: <c>signature</c>, <c>timestamp</c>, <c>nonce</c>,
/// and on POSTs <c>openid</c>; in safe mode <c>encrypt_type</c> and <c>msg_signature</c>; on the
/// URL check <c>echostr</c>.
/// </summary>
public sealed record InboundQuery(
    string? Signature,
    string? Timestamp,
    string? Nonce,
    string? EncryptType,
    string? MsgSignature,
    string? OpenId,
    string? EchoStr)
{
    /// <summary>Reads the parameters by their wire names from any query lookup.</summary>
    public static InboundQuery From(Func<string, string?> parameter) => new(
        parameter("signature"),
        parameter("timestamp"),
        parameter("nonce"),
        parameter("encrypt_type"),
        parameter("msg_signature"),
        parameter("openid"),
        parameter("echostr"));

    // The OpenID is personal data.
    public override string ToString() =>
        $"InboundQuery {{ Timestamp = {Timestamp}, EncryptType = {EncryptType}, HasOpenId = {OpenId is not null} }}";
}
