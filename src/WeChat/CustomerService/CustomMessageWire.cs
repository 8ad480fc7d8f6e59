using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.CustomerService;

/// <summary>The JSON shape of <c>message/custom/send</c>; property order is the wire order.</summary>
internal sealed class CustomMessageWire
{
    [JsonPropertyName("touser")]
    public string? ToUser { get; set; }

    [JsonPropertyName("msgtype")]
    public string? MsgType { get; set; }

    [JsonPropertyName("text")]
    public CustomTextWire? Text { get; set; }

    [JsonPropertyName("news")]
    public CustomNewsWire? News { get; set; }
}

internal sealed class CustomTextWire
{
    [JsonPropertyName("content")]
    public string? Content { get; set; }
}

internal sealed class CustomNewsWire
{
    [JsonPropertyName("articles")]
    public List<CustomArticleWire>? Articles { get; set; }
}

internal sealed class CustomArticleWire
{
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("picurl")]
    public string? PicUrl { get; set; }
}
