using static HospitalOrleans.WeChatSimulator.Pages.Html;

namespace HospitalOrleans.WeChatSimulator.OAuth;

/// <summary>The phone-style consent page WeChat shows for web authorisation, and its error page.</summary>
public static class AuthorizePage
{
    public static IResult Consent(AuthorizeRequest request, string accountName, string openId, string nickname)
    {
        var userInfo = request.Scope == OAuthScopes.UserInfo;
        var target = Uri.TryCreate(request.RedirectUri, UriKind.Absolute, out var uri) ? uri.Authority : "";
        var body = $"""
            <main class="phone auth">
              <header class="phone-top">{Bi("微信授权", "WeChat authorisation")}</header>
              <section class="auth-card">
                <div class="auth-account">{E(accountName)}</div>
                <h1>{Bi("以微信身份登录", "Sign in as")}</h1>
                <p class="auth-scope">{(userInfo
                    ? Bi("申请获取你的昵称、头像", "asks for your nickname and avatar")
                    : Bi("申请获取你的身份标识（OpenID）", "asks for your identity (OpenID)"))}</p>
                <form method="post" action="/connect/oauth2/authorize/decide">
                  <input type="hidden" name="appid" value="{E(request.AppId)}">
                  <input type="hidden" name="redirect_uri" value="{E(request.RedirectUri)}">
                  <input type="hidden" name="response_type" value="{E(request.ResponseType)}">
                  <input type="hidden" name="scope" value="{E(request.Scope)}">
                  <input type="hidden" name="state" value="{E(request.State)}">
                  <label>OpenID <input name="openid" id="openid-input" data-testid="openid-input" value="{E(openId)}" required maxlength="64" pattern="[A-Za-z0-9_\-]+" autocomplete="off"></label>
                  {(userInfo ? $"""<label>{Bi("昵称", "Nickname")} <input name="nickname" id="nickname-input" data-testid="nickname-input" value="{E(nickname)}" maxlength="32"></label>""" : "")}
                  <div class="auth-buttons">
                    <button type="submit" name="decision" value="allow" class="primary" id="allow" data-testid="allow">{Bi("允许", "Allow")}</button>
                    <button type="submit" name="decision" value="deny" id="deny" data-testid="deny">{Bi("拒绝", "Deny")}</button>
                  </div>
                </form>
                <p class="hint">{Bi("授权后将返回", "You will return to")} <code>{E(target)}</code></p>
              </section>
            </main>
            """;
        return Page("微信授权", body);
    }

    public static IResult Error(int code, string chinese, string english)
    {
        var body = $"""
            <main class="phone auth">
              <header class="phone-top">{Bi("微信授权", "WeChat authorisation")}</header>
              <section class="auth-card auth-error" data-testid="oauth-error" data-errcode="{code}">
                <h1>{Bi("出错了", "Something went wrong")}</h1>
                <p>{Bi(chinese, english)}</p>
                <p class="hint">errcode {code}</p>
              </section>
            </main>
            """;
        return Page("微信授权错误", body, StatusCodes.Status400BadRequest);
    }
}
