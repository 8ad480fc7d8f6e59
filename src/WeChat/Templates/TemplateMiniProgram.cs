using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Templates;

/// <summary>The mini-program page a template message opens; wins over the url when both are set.</summary>
public sealed record TemplateMiniProgram(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("pagepath")] string PagePath);
