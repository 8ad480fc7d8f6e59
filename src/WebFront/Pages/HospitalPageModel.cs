using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>
/// What every page shares: the visitor's language, a success notice carried across a redirect,
/// and a failure message shown in place of the change that did not happen.
/// </summary>
public abstract class HospitalPageModel : PageModel
{
    private Texts? _texts;

    public Texts T => _texts ??= UiPreferences.TextsFor(HttpContext);

    [TempData]
    public string? Notice { get; set; }

    public string? Failure { get; private set; }

    /// <summary>Shows <paramref name="message"/> on the page as it is rendered now; nothing was changed.</summary>
    protected PageResult Fail(string message, int statusCode)
    {
        Failure = message;
        Response.StatusCode = statusCode;
        return Page();
    }

    protected PageResult Fail(PoolOutcome outcome, PageAction action, DateTimeOffset? releaseAt = null) =>
        Fail(Outcomes.Message(T, outcome, action, releaseAt), Outcomes.StatusCode(outcome));

    /// <summary>A refused booking, worded with what the result says (the fairness limit, a suspension's end).</summary>
    protected PageResult Fail(BookingResult result, PageAction action, DateTimeOffset? releaseAt = null) =>
        Fail(Outcomes.Message(T, result, action, releaseAt), Outcomes.StatusCode(result.Outcome));

    /// <summary>Where to go on after a form: the local address asked for, else <paramref name="fallback"/>.</summary>
    protected string LocalOr(string? returnUrl, string fallback) => Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}
