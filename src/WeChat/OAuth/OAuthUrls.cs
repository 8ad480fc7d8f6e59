using System.Text;

namespace HospitalOrleans.WeChat.OAuth;

/// <summary>The web-authorization (网页授权) redirect.</summary>
public static class OAuthUrls
{
    /// <summary>WeChat's limit on <c>state</c>, which also must be [A-Za-z0-9].</summary>
    public const int MaxStateBytes = 128;

    /// <summary>
    /// <c>{base}/connect/oauth2/authorize?appid=…&amp;redirect_uri=…&amp;response_type=code&amp;scope=…[&amp;state=…]#wechat_redirect</c>,
    /// parameters in the order WeChat expects. A null or empty state is left out.
    /// </summary>
    /// <exception cref="ArgumentException">The state is not 1–128 characters of [A-Za-z0-9].</exception>
    public static string Authorize(string authorizeBaseUrl, string appId, string redirectUri, OAuthScope scope, string? state)
    {
        var url = new StringBuilder(authorizeBaseUrl.TrimEnd('/'))
            .Append("/connect/oauth2/authorize?appid=").Append(Uri.EscapeDataString(appId))
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(redirectUri))
            .Append("&response_type=code&scope=").Append(ScopeName(scope));
        if (!string.IsNullOrEmpty(state))
        {
            if (!IsValidState(state))
            {
                throw new ArgumentException($"state must be 1 to {MaxStateBytes} characters of [A-Za-z0-9].", nameof(state));
            }

            url.Append("&state=").Append(state);
        }

        return url.Append("#wechat_redirect").ToString();
    }

    /// <summary>True for 1–128 characters of [A-Za-z0-9]; what WeChat carries back unchanged.</summary>
    public static bool IsValidState(string? state) =>
        state is { Length: > 0 and <= MaxStateBytes } && state.All(char.IsAsciiLetterOrDigit);

    public static string ScopeName(OAuthScope scope) => scope switch
    {
        OAuthScope.Base => "snsapi_base",
        OAuthScope.UserInfo => "snsapi_userinfo",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown OAuth scope."),
    };
}
