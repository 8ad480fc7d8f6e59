namespace HospitalOrleans.GrainInterfaces.WeChat;

/// <summary>
/// Parametric QR codes of the account. Permanent codes are a scarce resource (100,000 per
/// account), so each scene is created once and remembered. Key 0.
/// </summary>
[Alias("hospital.wechat-qrcodes")]
public interface IWeChatQrCodesGrain : IGrainWithIntegerKey
{
    /// <summary>The permanent code for scene <c>doctor:{doctorId}</c>, created on first request.</summary>
    [Alias("doctor-code")] Task<QrCodeLease> GetDoctorCodeAsync(string doctorId);

    /// <summary>A temporary code for any other scene (≤ 30 days).</summary>
    [Alias("temporary-code")] Task<QrCodeLease> CreateTemporaryCodeAsync(string scene, int expireSeconds);
}

/// <summary>The ticket and the URL the QR image encodes, or the WeChat error.</summary>
[GenerateSerializer, Alias("hospital.QrCodeLease")]
public sealed record QrCodeLease(
    [property: Id(0)] string? Scene,
    [property: Id(1)] string? Ticket,
    [property: Id(2)] string? Url,
    [property: Id(3)] int ErrCode,
    [property: Id(4)] string? ErrMsg);
