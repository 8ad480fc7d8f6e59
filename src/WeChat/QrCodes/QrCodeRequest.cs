using System.Text.Json;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WeChat.QrCodes;

/// <summary>
/// A parametric QR code to create (<c>qrcode/create</c>). Use the factories: each action name
/// takes either a string or a numeric scene, and only temporary codes expire.
/// </summary>
public sealed record QrCodeRequest(string ActionName, string? SceneStr, int? SceneId, int? ExpireSeconds)
{
    public const string TemporaryIdAction = "QR_SCENE";
    public const string TemporaryStringAction = "QR_STR_SCENE";
    public const string PermanentIdAction = "QR_LIMIT_SCENE";
    public const string PermanentStringAction = "QR_LIMIT_STR_SCENE";

    public const int MaxSceneStrLength = 64;
    public const int MaxPermanentSceneId = 100_000;

    /// <summary>30 days: the longest a temporary code lives.</summary>
    public const int MaxExpireSeconds = 2_592_000;

    /// <summary>A permanent code with a string scene of 1 to 64 characters.</summary>
    public static QrCodeRequest PermanentString(string scene) => Checked(new(PermanentStringAction, scene, null, null));

    /// <summary>A permanent code with a numeric scene of 1 to 100000.</summary>
    public static QrCodeRequest PermanentId(int sceneId) => Checked(new(PermanentIdAction, null, sceneId, null));

    /// <summary>A temporary code with a string scene, living 1 s to 30 days.</summary>
    public static QrCodeRequest TemporaryString(string scene, int expireSeconds) =>
        Checked(new(TemporaryStringAction, scene, null, expireSeconds));

    /// <summary>A temporary code with a positive 32-bit numeric scene, living 1 s to 30 days.</summary>
    public static QrCodeRequest TemporaryId(int sceneId, int expireSeconds) =>
        Checked(new(TemporaryIdAction, null, sceneId, expireSeconds));

    public bool IsPermanent => ActionName is PermanentIdAction or PermanentStringAction;

    /// <summary>The scene as it comes back in scan events (<c>EventKey</c>).</summary>
    public string Scene => SceneStr ?? SceneId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>Why WeChat would refuse this request, or null when it is well formed.</summary>
    public string? Fault()
    {
        var usesString = ActionName is TemporaryStringAction or PermanentStringAction;
        if (ActionName is not (TemporaryIdAction or TemporaryStringAction or PermanentIdAction or PermanentStringAction))
        {
            return "action_name must be QR_SCENE, QR_STR_SCENE, QR_LIMIT_SCENE or QR_LIMIT_STR_SCENE";
        }

        if (usesString && (string.IsNullOrEmpty(SceneStr) || SceneStr.Length > MaxSceneStrLength || SceneId is not null))
        {
            return $"{ActionName} needs a scene_str of 1 to {MaxSceneStrLength} characters and no scene_id";
        }

        if (!usesString && (SceneId is not > 0 || SceneStr is not null))
        {
            return $"{ActionName} needs a positive scene_id and no scene_str";
        }

        if (ActionName is PermanentIdAction && SceneId > MaxPermanentSceneId)
        {
            return $"a permanent scene_id is at most {MaxPermanentSceneId}";
        }

        if (IsPermanent && ExpireSeconds is not null)
        {
            return "a permanent code has no expire_seconds";
        }

        if (!IsPermanent && ExpireSeconds is { } seconds && (seconds < 1 || seconds > MaxExpireSeconds))
        {
            return $"expire_seconds must be 1 to {MaxExpireSeconds}";
        }

        return null;
    }

    /// <summary><c>{"expire_seconds":…,"action_name":…,"action_info":{"scene":{"scene_id"|"scene_str":…}}}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new QrCodeRequestWire
        {
            ExpireSeconds = ExpireSeconds,
            ActionName = ActionName,
            ActionInfo = new() { Scene = new() { SceneId = SceneId, SceneStr = SceneStr } },
        },
        WeChatJson.Options);

    public static ParseResult<QrCodeRequest> FromJson(string json)
    {
        QrCodeRequestWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<QrCodeRequestWire>(json, WeChatJson.Options);
        }
        catch (JsonException)
        {
            return ParseResult<QrCodeRequest>.Failure("the body is not a QR code request in JSON");
        }

        if (wire?.ActionName is null || wire.ActionInfo?.Scene is not { } scene)
        {
            return ParseResult<QrCodeRequest>.Failure("\"action_name\" and \"action_info.scene\" are required");
        }

        var request = new QrCodeRequest(wire.ActionName, scene.SceneStr, scene.SceneId, wire.ExpireSeconds);
        return request.Fault() is { } fault ? ParseResult<QrCodeRequest>.Failure(fault) : ParseResult<QrCodeRequest>.Success(request);
    }

    private static QrCodeRequest Checked(QrCodeRequest request) =>
        request.Fault() is { } fault ? throw new ArgumentException(fault) : request;
}
