using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>The language and care-mode switches in the header post here and go back where they were.</summary>
public sealed class PreferencesModel : HospitalPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPostLanguage(string? returnUrl)
    {
        UiPreferences.SetLanguage(HttpContext, english: !UiPreferences.IsEnglish(HttpContext));
        return Back(returnUrl);
    }

    public IActionResult OnPostCare(string? returnUrl)
    {
        UiPreferences.SetCareMode(HttpContext, on: !UiPreferences.CareMode(HttpContext));
        return Back(returnUrl);
    }

    private RedirectResult Back(string? returnUrl) => Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
}
