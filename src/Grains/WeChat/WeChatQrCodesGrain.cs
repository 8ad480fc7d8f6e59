using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Persistence;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.QrCodes;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>
/// Each doctor's permanent code. Creating a permanent code again for the same scene gives back the
/// same code, so each activation confirms a code with WeChat once (and picks up a change, e.g. a
/// demo simulator that restarted), then answers from memory; when WeChat cannot be reached the
/// stored code is still good. Temporary codes are not kept.
/// </summary>
public sealed class WeChatQrCodesGrain(
    [PersistentState("wechat-qrcodes", GrainStorage.ProviderName)] IPersistentState<QrCodeBook> store,
    WeChatAccountApi api) : Grain, IWeChatQrCodesGrain
{
    private readonly HashSet<string> _confirmed = new(StringComparer.Ordinal);

    public async Task<QrCodeLease> GetDoctorCodeAsync(string doctorId)
    {
        var scene = DoctorScene.For(doctorId);
        store.State.Codes.TryGetValue(scene, out var known);
        if (known is not null && _confirmed.Contains(scene)) return new QrCodeLease(scene, known.Ticket, known.Url, 0, null);
        var created = await api.CreateQrCodeAsync(QrCodeRequest.PermanentString(scene), CancellationToken.None);
        if (!created.Ok)
            return known is not null
                ? new QrCodeLease(scene, known.Ticket, known.Url, 0, null)
                : new QrCodeLease(scene, null, null, created.Error!.ErrCode, created.Error.ErrMsg);
        _confirmed.Add(scene);
        if (known?.Ticket != created.Value!.Ticket || known.Url != created.Value.Url)
        {
            store.State.Codes[scene] = new StoredQrCode { Ticket = created.Value.Ticket, Url = created.Value.Url };
            await store.WriteStateAsync();
        }
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
