using HospitalOrleans.Hosting.Telemetry;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>
/// Where unmatched addresses, expired forms, throttled sign-ins and unexpected failures land
/// (re-executed by the status-code and exception middleware, so a POST arrives here as a POST).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : HospitalPageModel
{
    public string Message { get; private set; } = "";

    /// <summary>Shown under failures of the system (not under a wrong address or an expired form).</summary>
    public string? RequestId { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Message = code switch
        {
            StatusCodes.Status404NotFound => T.PageNotFound,
            StatusCodes.Status400BadRequest => T.FormExpired,
            StatusCodes.Status429TooManyRequests => T.TooManyRequests,
            StatusCodes.Status503ServiceUnavailable => T.Unavailable,
            _ => T.ServerError,
        };
        if (code >= 500) RequestId = RequestIds.Of(HttpContext);
        // Reached directly (not re-executed) it still answers with the code it names.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null
            && code is >= 400 and <= 599)
            Response.StatusCode = code;
    }
}
