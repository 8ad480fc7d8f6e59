namespace HospitalOrleans.GrainInterfaces.WeChat;

/// <summary>
/// The cluster's single holder of the account's access_token and jsapi_ticket (WeChat's 中控).
/// Fetching a new token invalidates the previous one, so no silo may refresh on its own. Key 0.
/// </summary>
[Alias("hospital.wechat-credentials")]
public interface IWeChatCredentialsGrain : IGrainWithIntegerKey
{
    [Alias("access-token")] Task<CredentialLease> GetAccessTokenAsync();

    /// <summary>A call was refused with 40001/40014/42001 using <paramref name="rejectedToken"/>: refresh once, however many callers report it.</summary>
    [Alias("token-rejected")] Task<CredentialLease> ReportRejectedTokenAsync(string rejectedToken);

    [Alias("jsapi-ticket")] Task<CredentialLease> GetJsApiTicketAsync();
}

/// <summary>A credential, or the WeChat error that prevented getting one. Never logged.</summary>
[GenerateSerializer, Alias("hospital.CredentialLease")]
public sealed record CredentialLease(
    [property: Id(0)] string? Value,
    [property: Id(1)] int ErrCode,
    [property: Id(2)] string? ErrMsg)
{
    public override string ToString() => Value is null ? $"CredentialLease(error {ErrCode})" : "CredentialLease(***)";
}
