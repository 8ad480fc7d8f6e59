using HospitalOrleans.WeChatSimulator.Infrastructure;

namespace HospitalOrleans.WeChatSimulator.Users;

/// <summary>OpenIDs look like <c>o</c> + 27 URL-safe characters; scripted tests may pick their own readable ones.</summary>
public static class OpenIds
{
    public static string New() => "o" + RandomText.Of(27);

    public static bool IsValid(string? openId) =>
        !string.IsNullOrEmpty(openId) && openId.Length <= 64 && openId.All(c => RandomText.UrlSafe.Contains(c));
}
