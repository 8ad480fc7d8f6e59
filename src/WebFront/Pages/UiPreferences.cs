using HospitalOrleans.WebFront.Localization;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>The visitor's language and care mode, kept in two plain cookies so they outlive sign-out.</summary>
public static class UiPreferences
{
    public const string LanguageCookie = "lang";
    public const string CareCookie = "care";

    public static bool IsEnglish(HttpContext? http) => http?.Request.Cookies[LanguageCookie] == "en";

    public static bool CareMode(HttpContext? http) => http?.Request.Cookies[CareCookie] == "1";

    public static Texts TextsFor(HttpContext? http) => IsEnglish(http) ? Texts.English : Texts.Chinese;

    public static void SetLanguage(HttpContext http, bool english) => Set(http, LanguageCookie, english ? "en" : "zh");

    public static void SetCareMode(HttpContext http, bool on) => Set(http, CareCookie, on ? "1" : "0");

    private static void Set(HttpContext http, string name, string value) =>
        http.Response.Cookies.Append(name, value, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
        });
}
