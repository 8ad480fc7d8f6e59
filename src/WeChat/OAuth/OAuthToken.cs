using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.OAuth;

/// <summary>
/// What <c>sns/oauth2/access_token</c> gives for a code: a user-scoped token (not the account's
/// access_token) and the user's OpenID.
/// </summary>
public sealed record OAuthToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("unionid")] string? UnionId)
{
    /// <summary>1 for a virtual "snapshot page" user, whose <c>sns/userinfo</c> call fails with 48001.</summary>
    [JsonPropertyName("is_snapshotuser")]
    public int? IsSnapshotUser { get; init; }

    // Tokens are secrets and the OpenID is personal data.
    public override string ToString() => $"OAuthToken {{ Scope = {Scope}, ExpiresIn = {ExpiresIn} }}";
}
