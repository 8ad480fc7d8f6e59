using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using HospitalOrleans.Hosting.Resilience;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>Registrations and middleware the server-rendered pages need.</summary>
public static class PagesSetup
{
    public static IServiceCollection AddHospitalPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        // Chinese text goes out as UTF-8, not as &#x...; escapes three times its size.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        // Views take the visitor's language with `@inject Texts T`.
        services.AddScoped(sp => UiPreferences.TextsFor(sp.GetRequiredService<IHttpContextAccessor>().HttpContext));
        return services;
    }

    public static WebApplication UseHospitalPages(this WebApplication app)
    {
        // A person gets a kind page in their language, never a bare status line or problem JSON:
        // empty error responses of pages are re-executed as /status/{code} (API calls keep problem details).
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PagesSetup));
        app.Use((http, next) => KindFailuresAsync(http, next, log));
        // Password guessing through the sign-in form, and number-and-booking guessing at the kiosk:
        // a few tries a minute per address each, like the API.
        app.UseWhen(http => IsPostTo(http, "/signin"), signIn => signIn.UseRateLimiter(PerAddressLimit()));
        app.UseWhen(http => IsPostTo(http, "/kiosk"), kiosk => kiosk.UseRateLimiter(PerAddressLimit()));
        app.UseStaticFiles(new StaticFileOptions
        {
            // Links carry ?v=<hash> (asp-append-version), so a changed file gets a new address.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Query.ContainsKey("v") ? "public,max-age=31536000,immutable" : "public,max-age=600",
        });
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// For pages, an unexpected failure becomes an empty 500, and a cluster that cannot answer (a
    /// silo going away, a call that timed out) an empty 503 with Retry-After; the status-code pages
    /// render both kindly. Other requests are left alone.
    /// </summary>
    private static async Task KindFailuresAsync(HttpContext http, RequestDelegate next, ILogger log)
    {
        if (!IsPageRequest(http))
        {
            if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
            await next(http);
            return;
        }
        try
        {
            await next(http);
        }
        catch (Exception failure) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            PageLog.PageFailed(log, failure, http.Request.Method, http.Request.Path);
            http.Response.Clear();
            // A cluster that is changing shape or cannot reach its store: "try again shortly", not an error.
            if (ClusterReshaping.MeansUnavailable(failure))
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = ((int)Http.Problems.RetryAfterUnavailable.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private static bool IsPageRequest(HttpContext http)
    {
        var path = http.Request.Path;
        return !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi")
            && !path.StartsWithSegments("/scalar") && !path.StartsWithSegments("/health");
    }

    private static bool IsPostTo(HttpContext http, string path) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments(path);

    private static RateLimiterOptions PerAddressLimit() => new()
    {
        RejectionStatusCode = StatusCodes.Status429TooManyRequests,
        GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
            $"{http.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })),
    };
}

internal static partial class PageLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Page {Method} {Path} failed; the visitor was shown the kind error page.")]
    public static partial void PageFailed(ILogger logger, Exception failure, string method, string path);
}
