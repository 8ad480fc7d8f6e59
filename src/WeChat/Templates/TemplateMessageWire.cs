using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Templates;

/// <summary>The JSON shape of a template message; property order is the wire order.</summary>
internal sealed class TemplateMessageWire
{
    [JsonPropertyName("touser")]
    public string? ToUser { get; set; }

    [JsonPropertyName("template_id")]
    public string? TemplateId { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("miniprogram")]
    public TemplateMiniProgram? MiniProgram { get; set; }

    [JsonPropertyName("client_msg_id")]
    public string? ClientMsgId { get; set; }

    [JsonPropertyName("data")]
    public Dictionary<string, TemplateValueWire?>? Data { get; set; }
}

internal sealed class TemplateValueWire
{
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}
