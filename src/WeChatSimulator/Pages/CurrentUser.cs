using HospitalOrleans.WeChatSimulator.Users;

namespace HospitalOrleans.WeChatSimulator.Pages;

/// <summary>The OpenID the browser last acted as, so the authorisation page can be pre-filled with it.</summary>
public static class CurrentUser
{
    public const string Cookie = "sim_openid";

    public static string? Read(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Cookie, out var openId) && OpenIds.IsValid(openId) ? openId : null;

    public static void Remember(HttpContext http, string openId) =>
        http.Response.Cookies.Append(Cookie, openId, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = TimeSpan.FromDays(30) });
}
