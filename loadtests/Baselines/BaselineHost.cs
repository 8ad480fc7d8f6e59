using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using HospitalOrleans.Baselines.Apis;
using HospitalOrleans.Baselines.Auth;
using HospitalOrleans.Baselines.Engines;
using HospitalOrleans.Baselines.Http;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HospitalOrleans.Baselines;

/// <summary>
/// Registrations and the pipeline, the same web stack as src/WebFront/HospitalWeb.cs (problem details,
/// JSON, cookie authentication, role policies, the sign-in rate limit, default Kestrel), so that only
/// the booking engine differs. Program.cs only calls these.
/// </summary>
public static class BaselineHost
{
    public static WebApplicationBuilder AddBaselineHost(this WebApplicationBuilder builder, BaselineOptions options)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(BaselineOptions.DefaultUrls);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(RushDay.For(TimeProvider.System.GetUtcNow()));
        services.AddSingleton<StaffAccounts>();
        services.AddBookingEngine(options);

        services.AddProblemDetails();
        services.AddExceptionHandler<StoreFaults>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "hospital.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnRedirectToLogin = ctx => Refuse(ctx.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Refuse(ctx.HttpContext, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Patient, p => p.RequireRole(Roles.Patient))
            .AddPolicy(Policies.Clerk, p => p.RequireRole(Roles.Clerk))
            .AddPolicy(Policies.Operations, p => p.RequireRole(Roles.Operations))
            .AddPolicy(Policies.ClerkOrOperations, p => p.RequireRole(Roles.Clerk, Roles.Operations));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthApi.SignInLimiter, http => RateLimitPartition.GetFixedWindowLimiter(
                $"{http.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    public static WebApplication UseBaselineHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var engine = app.Services.GetRequiredService<IBookingEngine>();
            foreach (var address in app.Urls) Console.WriteLine($"Rush baseline '{engine.Name}' is serving {address}");
        });
        return app;
    }

    public static WebApplication MapBaselineApis(this WebApplication app)
    {
        app.MapAuthApi();
        app.MapScheduleApi();
        app.MapPoolsApi();
        app.MapEngineApi();
        return app;
    }

    /// <summary>An API host: refusals are problem details, never redirects to a sign-in page.</summary>
    private static Task Refuse(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        return Results.Problem(statusCode: status,
            title: status == StatusCodes.Status401Unauthorized ? "Not signed in" : "Forbidden",
            extensions: new Dictionary<string, object?> { ["reason"] = status == StatusCodes.Status401Unauthorized ? "unauthenticated" : "forbidden" })
            .ExecuteAsync(http);
    }
}
