using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Persistence;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.QrCodes;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>Creates each doctor's permanent code once and remembers it; temporary codes are not kept.</summary>
public sealed class WeChatQrCodesGrain(
    [PersistentState("wechat-qrcodes", GrainStorage.ProviderName)] IPersistentState<QrCodeBook> store,
    WeChatAccountApi api) : Grain, IWeChatQrCodesGrain
{
    public async Task<QrCodeLease> GetDoctorCodeAsync(string doctorId)
    {
        var scene = DoctorScene.For(doctorId);
        if (store.State.Codes.TryGetValue(scene, out var known)) return new QrCodeLease(scene, known.Ticket, known.Url, 0, null);
        var created = await api.CreateQrCodeAsync(QrCodeRequest.PermanentString(scene), CancellationToken.None);
        if (!created.Ok) return new QrCodeLease(scene, null, null, created.Error!.ErrCode, created.Error.ErrMsg);
        store.State.Codes[scene] = new StoredQrCode { Ticket = created.Value!.Ticket, Url = created.Value.Url };
        await store.WriteStateAsync();
        return new QrCodeLease(scene, created.Value.Ticket, created.Value.Url, 0, null);
    }

    public async Task<QrCodeLease> CreateTemporaryCodeAsync(string scene, int expireSeconds)
    {
        var created = await api.CreateQrCodeAsync(QrCodeRequest.TemporaryString(scene, expireSeconds), CancellationToken.None);
        return created.Ok
            ? new QrCodeLease(scene, created.Value!.Ticket, created.Value.Url, 0, null)
            : new QrCodeLease(scene, null, null, created.Error!.ErrCode, created.Error.ErrMsg);
    }
}

public sealed class QrCodeBook
{
    public Dictionary<string, StoredQrCode> Codes { get; set; } = new(StringComparer.Ordinal);
}

public sealed class StoredQrCode
{
    public string Ticket { get; set; } = "";
    public string Url { get; set; } = "";
}
