namespace HospitalOrleans.WeChatSimulator;

/// <summary>
/// Entry point. Not top-level statements: test projects reference both this and the platform's web
/// app, and two global <c>Program</c> classes would collide.
/// </summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var app = SimulatorHost.Build(args);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var account = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimulatorOptions>>().Value;
            Console.WriteLine($"WeChat simulator serving {app.BaseUrl()} for appid {account.AppId}, pushing to {account.PlatformUrl} (safe mode: {account.SafeMode})");
        });
        await app.RunAsync();
    }
}
