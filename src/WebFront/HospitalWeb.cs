using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using HospitalOrleans.Hosting;
using HospitalOrleans.Hosting.Resilience;
using HospitalOrleans.Hosting.Telemetry;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Billing;
using HospitalOrleans.WebFront.Http;
using HospitalOrleans.WebFront.Operations;
using HospitalOrleans.WebFront.Pages;
using HospitalOrleans.WebFront.WeChat;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace HospitalOrleans.WebFront;

/// <summary>Registrations and the pipeline of the web front; Program.cs only calls these.</summary>
public static class HospitalWeb
{
    public static WebApplicationBuilder AddHospitalWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The request's id, to quote to support; the same one the logs carry (RequestIds).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = problem =>
            problem.ProblemDetails.Extensions["requestId"] = RequestIds.Of(problem.HttpContext));
        services.AddExceptionHandler<ClusterUnavailableHandler>();
        services.AddHospitalReadiness();
        services.AddHospitalMetrics();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHospitalPages();
        services.AddSingleton<StaffSignIn>();
        services.AddWeChatFront();
        services.AddOptions<BillTokenOptions>().Bind(builder.Configuration.GetSection(BillTokenOptions.Section))
            .Validate(o => o.Key() is { Length: >= 32 }, "Billing:TokenKey must be at least 32 random bytes in base64.").ValidateOnStart();
        services.AddOptions<CheckoutOptions>().Bind(builder.Configuration.GetSection(HospitalOrleans.WeChat.Pay.WeChatPayOptions.Section))
            .PostConfigure(o => { if (string.IsNullOrWhiteSpace(o.ReturnBaseUrl)) o.ReturnBaseUrl = builder.Configuration["WeChat:PublicBaseUrl"] ?? ""; });
        services.AddSingleton<PaymentCheckout>();
        services.AddSingleton<BillIssuer>();
        services.AddHostedService<FrontHeartbeat>();
        if (HospitalOptions.DemoEnabled(builder.Configuration)) services.AddHostedService<DemoStaffAccounts>();

        // Several fronts behind one proxy read each other's cookies: one application name and,
        // when DataProtection:KeyDirectory is set, one key ring on a directory they share.
        var protection = services.AddDataProtection().SetApplicationName("HospitalOrleans");
        if (builder.Configuration["DataProtection:KeyDirectory"] is { Length: > 0 } keyDirectory)
            protection.PersistKeysToFileSystem(new DirectoryInfo(keyDirectory));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "hospital.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/signin";
                o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            });
        // After the cookie scheme's own post-configuration, which makes the ticket format.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CacheCookieTickets>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Patient, p => p.RequireRole(Roles.Patient))
            .AddPolicy(Policies.Clerk, p => p.RequireRole(Roles.Clerk, Roles.Admin))
            .AddPolicy(Policies.Operations, p => p.RequireRole(Roles.Operations, Roles.Admin))
            .AddPolicy(Policies.ClerkOrOperations, p => p.RequireRole(Roles.Clerk, Roles.Operations, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Doctor, p => p.RequireRole(Roles.Doctor, Roles.Admin))
            .AddPolicy(Policies.Finance, p => p.RequireRole(Roles.Finance, Roles.Admin))
            .AddPolicy(Policies.ClerkOrFinance, p => p.RequireRole(Roles.Clerk, Roles.Finance, Roles.Admin));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Password guessing: a few tries a minute per address and user name.
            o.AddPolicy(AuthApi.SignInLimiter, http => RateLimitPartition.GetFixedWindowLimiter(
                $"{http.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    public static WebApplication UseHospitalWeb(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Urls) Console.WriteLine($"HospitalOrleans is serving {address}  (API reference: {address}/scalar)");
        });
        return app;
    }

    public static WebApplication MapHospitalApis(this WebApplication app)
    {
        var demo = HospitalOptions.DemoEnabled(app.Configuration);
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapAuthApi(demo);
        app.MapScheduleApi();
        app.MapPoolsApi();
        app.MapBookingsApi();
        app.MapRatioApi();
        app.MapScheduleAdminApi();
        app.MapWeChatFront();
        app.MapMyPatientsApi();
        app.MapPatientRecordsApi();
        app.MapMpiImportApi();
        app.MapBillsApi();
        app.MapPaymentsApi();
        app.MapFinanceApi();
        app.MapClusterApi();
        app.MapHospitalDashboard(app.Configuration);
        app.MapHospitalHealth();
        app.MapHospitalMetrics();
        return app;
    }

    public static WebApplication MapHospitalPages(this WebApplication app)
    {
        app.UseHospitalPages();
        return app;
    }

    /// <summary>API callers get a status code with problem details; page visitors are sent to sign in.</summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Results.Problem(statusCode: status,
                title: status == 401 ? "Not signed in" : "Forbidden",
                extensions: new Dictionary<string, object?> { ["reason"] = status == 401 ? "unauthenticated" : "forbidden" })
                .ExecuteAsync(context.HttpContext);
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
