using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Api;

/// <summary>The JSON settings of every WeChat body this library writes or reads.</summary>
public static class WeChatJson
{
    /// <summary>
    /// snake_case by default (every wire type also names its fields explicitly, since WeChat
    /// writes some without underscores: <c>touser</c>, <c>appid</c>, <c>headimgurl</c>),
    /// nulls omitted, Chinese left readable rather than \u-escaped.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
