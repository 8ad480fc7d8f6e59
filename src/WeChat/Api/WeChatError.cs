using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Api;

/// <summary>WeChat's <c>{"errcode":…,"errmsg":"…"}</c>, or a transport failure with a negative code of this library.</summary>
public sealed record WeChatError(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string ErrMsg)
{
    public static WeChatError Transport(string what) => new(WeChatErrorCodes.Transport, $"transport: {what}");

    public static WeChatError UnreadableResponse(string what) => new(WeChatErrorCodes.UnreadableResponse, $"unreadable response: {what}");
}
