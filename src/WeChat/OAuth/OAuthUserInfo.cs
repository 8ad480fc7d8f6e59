using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.OAuth;

/// <summary>The profile <c>sns/userinfo</c> gives for an snsapi_userinfo authorization.</summary>
public sealed record OAuthUserInfo(
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("nickname")] string Nickname,
    [property: JsonPropertyName("sex")] int Sex,
    [property: JsonPropertyName("province")] string? Province,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("headimgurl")] string? HeadImgUrl)
{
    [JsonPropertyName("unionid")]
    public string? UnionId { get; init; }

    // Every field is personal data.
    public override string ToString() => "OAuthUserInfo { … }";
}
