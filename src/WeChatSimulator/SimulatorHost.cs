using System.Text.Json.Serialization;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Control;
using HospitalOrleans.WeChatSimulator.CustomMessages;
using HospitalOrleans.WeChatSimulator.JsSdk;
using HospitalOrleans.WeChatSimulator.Menus;
using HospitalOrleans.WeChatSimulator.OAuth;
using HospitalOrleans.WeChatSimulator.Pages;
using HospitalOrleans.WeChatSimulator.Pay;
using HospitalOrleans.WeChatSimulator.Push;
using HospitalOrleans.WeChatSimulator.QrCodes;
using HospitalOrleans.WeChatSimulator.Templates;
using HospitalOrleans.WeChatSimulator.Tokens;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator;

/// <summary>
/// Builds the simulator, for its own process and for tests that host it in-process
/// (<c>--urls http://127.0.0.1:0</c>, then <see cref="BaseUrl"/> after start).
/// </summary>
public static class SimulatorHost
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    /// <param name="configure">Runs after the simulator's registrations, so it can replace them (e.g. a FakeTimeProvider).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
        });
        // Loopback only: the simulator holds a demo secret and answers anyone who asks.
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        // Request lines carry access_token and code in their query strings: keep them out of the console.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddSimulator();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapSimulator();
        return app;
    }

    /// <summary>The address the started simulator listens on, without a trailing slash (the real port when bound to :0).</summary>
    public static string BaseUrl(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().TrimEnd('/');
    }

    public static WebApplicationBuilder AddSimulator(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SimulatorOptions>().Bind(builder.Configuration.GetSection(SimulatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var account = sp.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            return new MessageCrypt(account.EncodingAESKey, account.AppId);
        });
        services.AddHttpClient(PlatformPusher.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The platform is on loopback; a proxy from the environment must not get in between.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false });

        services.AddSingleton<AccessTokenRegistry>();
        services.AddSingleton<DailyQuotas>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<CallStats>();
        services.AddSingleton<CallGate>();
        services.AddSingleton<OAuthGrants>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<MenuStore>();
        services.AddSingleton<QrTicketStore>();
        services.AddSingleton<TemplateLedger>();
        services.AddSingleton<TemplateIds>();
        services.AddSingleton<TemplateReports>();
        services.AddSingleton<JsApiTicketStore>();
        services.AddSingleton<MessageIds>();
        services.AddSingleton<PlatformPusher>();
        services.AddSingleton<ReplyReader>();
        services.AddSingleton<Conversation>();
        services.AddSingleton<UrlVerifier>();
        services.AddSingleton<SimulatorState>();
        services.AddSimulatedPay(builder.Configuration);
        return builder;
    }

    public static WebApplication MapSimulator(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.MapTokenApi();
        app.MapSnsApi();
        app.MapAuthorizeApi();
        app.MapMenuApi();
        app.MapTemplateApi();
        app.MapCustomMessageApi();
        app.MapQrCodeApi();
        app.MapJsApiTicketApi();
        app.MapControlApi();
        app.MapSimulatorPage();
        app.MapSimulatedPay();
        return app;
    }
}
