using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Api;

/// <summary>The account's <c>access_token</c> and its lifetime in seconds (about 7200).</summary>
public sealed record AccessToken(
    [property: JsonPropertyName("access_token")] string Value,
    [property: JsonPropertyName("expires_in")] int ExpiresIn)
{
    public override string ToString() => $"AccessToken {{ ExpiresIn = {ExpiresIn} }}";
}
