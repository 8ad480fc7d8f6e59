using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.QrCodes;

/// <summary>The JSON shape of <c>qrcode/create</c>; property order is the wire order.</summary>
internal sealed class QrCodeRequestWire
{
    [JsonPropertyName("expire_seconds")]
    public int? ExpireSeconds { get; set; }

    [JsonPropertyName("action_name")]
    public string? ActionName { get; set; }

    [JsonPropertyName("action_info")]
    public QrActionInfoWire? ActionInfo { get; set; }
}

internal sealed class QrActionInfoWire
{
    [JsonPropertyName("scene")]
    public QrSceneWire? Scene { get; set; }
}

internal sealed class QrSceneWire
{
    [JsonPropertyName("scene_id")]
    public int? SceneId { get; set; }

    [JsonPropertyName("scene_str")]
    public string? SceneStr { get; set; }
}
