using System.Text;

namespace HospitalOrleans.WeChatSimulator.OAuth;

/// <summary>The parameters of connect/oauth2/authorize, checked the way WeChat's authorisation page checks them.</summary>
public sealed record AuthorizeRequest(string? AppId, string? RedirectUri, string? ResponseType, string? Scope, string? State)
{
    /// <summary>Null when acceptable, else the (code, Chinese, English) of WeChat's error page.</summary>
    public (int Code, string Chinese, string English)? Problem(string expectedAppId)
    {
        if (string.IsNullOrEmpty(AppId) || AppId != expectedAppId) return (10016, "appid 参数错误", "Invalid appid");
        if (!IsAbsoluteHttp(RedirectUri)) return (10003, "redirect_uri 参数错误", "Invalid redirect_uri");
        if (ResponseType != "code") return (10004, "response_type 参数错误", "Invalid response_type");
        if (!OAuthScopes.IsKnown(Scope)) return (10005, "scope 参数错误或没有 scope 权限", "Invalid scope");
        if (State is not null && Encoding.UTF8.GetByteCount(State) > 128) return (10006, "state 参数错误", "state longer than 128 bytes");
        return null;
    }

    /// <summary><c>redirect_uri?code=CODE&amp;state=STATE</c>; a refusal carries only the state.</summary>
    public string RedirectWith(string? code)
    {
        var uri = RedirectUri!;
        var hash = uri.IndexOf('#');
        var fragment = hash >= 0 ? uri[hash..] : "";
        var target = hash >= 0 ? uri[..hash] : uri;
        var query = (code is null ? "" : $"code={Uri.EscapeDataString(code)}&") + $"state={Uri.EscapeDataString(State ?? "")}";
        return target + (target.Contains('?') ? "&" : "?") + query + fragment;
    }

    private static bool IsAbsoluteHttp(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps);
}
