using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>The platform refuses to start with a broken WeChat section, says why, and never echoes a secret.</summary>
public sealed class WeChatConfigurationTests
{
    private const string Secret = "do-not-print-this-secret-7731";

    [Fact]
    public void ABrokenWeChatSectionStopsTheStartWithAMessagePerFaultAndNoSecret()
    {
        using var factory = new BrokenWeChat();

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = FindValidationFailure(failure);
        Assert.Contains(validation.Failures, f => f.Contains("WeChat:AppId", StringComparison.Ordinal));
        Assert.Contains(validation.Failures, f => f.Contains("WeChat:EncodingAESKey", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("short-key", failure.ToString(), StringComparison.Ordinal);
    }

    private static OptionsValidationException FindValidationFailure(Exception failure)
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
            if (e is OptionsValidationException found) return found;
        if (failure is AggregateException many && many.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner) return inner;
        throw new Xunit.Sdk.XunitException($"Expected an options validation failure, got: {failure}");
    }

    private sealed class BrokenWeChat : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("Storage:Mode", "Embedded");
            builder.UseSetting("Storage:DataDirectory", Path.Combine(Path.GetTempPath(), "hospital-broken-" + Guid.NewGuid().ToString("N")));
            foreach (var (key, value) in HospitalOrleans.Tests.Shared.DemoPatientSettings.Settings()) builder.UseSetting(key, value);
            builder.UseSetting("WeChat:AppId", "not-an-appid");
            builder.UseSetting("WeChat:AppSecret", Secret);
            builder.UseSetting("WeChat:Token", "hospitaldemo");
            builder.UseSetting("WeChat:SafeMode", "true");
            builder.UseSetting("WeChat:EncodingAESKey", "short-key");
        }
    }
}
