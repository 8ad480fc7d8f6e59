using HospitalOrleans.WeChat.Tests.Support;

namespace HospitalOrleans.WeChat.Tests;

public sealed class WeChatOptionsValidatorTests
{
    [Fact]
    public void AcceptsCompleteOptions()
    {
        var result = new WeChatOptionsValidator().Validate(WeChatOptions.Section, TestOptions.Create(safeMode: true));

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("", "WeChat:AppId must be 'wx' followed by 16 letters or digits.")]
    [InlineData("wx2c2769f8efd9abc", "WeChat:AppId must be 'wx' followed by 16 letters or digits.")]
    [InlineData("gh_2c2769f8efd9ab", "WeChat:AppId must be 'wx' followed by 16 letters or digits.")]
    [InlineData("wx2c2769f8efd9ab-2", "WeChat:AppId must be 'wx' followed by 16 letters or digits.")]
    public void NamesABadAppId(string appId, string message) =>
        AssertSingleFault(options => options.AppId = appId, message);

    [Fact]
    public void RequiresTheAppSecret() =>
        AssertSingleFault(options => options.AppSecret = " ", "WeChat:AppSecret is required.");

    [Theory]
    [InlineData("ab")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("spam-test")]
    public void NamesABadToken(string token) =>
        AssertSingleFault(options => options.Token = token, "WeChat:Token must be 3 to 32 characters of A-Z, a-z and 0-9.");

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF_")]
    public void NamesABadEncodingAesKey(string key) =>
        AssertSingleFault(options => options.EncodingAESKey = key, "WeChat:EncodingAESKey must be exactly 43 characters of A-Z, a-z and 0-9.");

    [Fact]
    public void RequiresTheEncodingAesKeyInSafeMode() =>
        AssertSingleFault(
            options => (options.SafeMode, options.EncodingAESKey) = (true, null),
            "WeChat:EncodingAESKey is required when WeChat:SafeMode is true.");

    [Fact]
    public void DoesNotRequireTheEncodingAesKeyInPlainMode()
    {
        var options = TestOptions.Create();
        options.EncodingAESKey = null;

        Assert.Empty(WeChatOptionsValidator.Faults(options));
    }

    [Theory]
    [InlineData("")]
    [InlineData("api.weixin.qq.com")]
    [InlineData("ftp://api.weixin.qq.com")]
    public void NamesABadApiBaseUrl(string url) =>
        Assert.Contains("WeChat:ApiBaseUrl", Assert.Single(Faults(options => options.ApiBaseUrl = url)), StringComparison.Ordinal);

    [Fact]
    public void NamesABadOptionalHost() =>
        Assert.Equal(
            ["WeChat:AuthorizeBaseUrl must be an absolute http or https URL.", "WeChat:QrImageBaseUrl must be an absolute http or https URL."],
            Faults(options => (options.AuthorizeBaseUrl, options.QrImageBaseUrl) = ("open.weixin", "/relative")));

    [Fact]
    public void NamesNonsenseLimits() =>
        Assert.Equal(
            ["WeChat:MaxTimestampSkewSeconds must be at least 1.", "WeChat:MaxBodyBytes must be at least 1024."],
            Faults(options => (options.MaxTimestampSkewSeconds, options.MaxBodyBytes) = (0, 10)));

    [Fact]
    public void NeverRepeatsASecretInItsMessages()
    {
        const string secretToken = "tok-SECRET-1";
        const string secretKey = "SECRETabcdefghijklmnopqrstuvwxyz0123456789";
        var result = new WeChatOptionsValidator().Validate(null, new WeChatOptions
        {
            AppId = "wxSECRETSECRETSECRET",
            AppSecret = "SECRET-APP-SECRET",
            Token = secretToken,
            EncodingAESKey = secretKey,
            SafeMode = true,
            ApiBaseUrl = "SECRET://x",
        });

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.DoesNotContain("SECRET", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvesWeChatsOwnHostsWhenTheApiIsWeChats()
    {
        var options = TestOptions.Create(apiBaseUrl: "https://api.weixin.qq.com/");

        Assert.Equal(("https://open.weixin.qq.com", "https://mp.weixin.qq.com"), (options.ResolvedAuthorizeBaseUrl(), options.ResolvedQrImageBaseUrl()));
    }

    [Fact]
    public void ResolvesEveryHostToTheSimulatorWhenTheApiIsTheSimulator()
    {
        var options = TestOptions.Create(apiBaseUrl: "http://127.0.0.1:5999/");

        Assert.Equal(("http://127.0.0.1:5999", "http://127.0.0.1:5999"), (options.ResolvedAuthorizeBaseUrl(), options.ResolvedQrImageBaseUrl()));
    }

    [Fact]
    public void PrefersExplicitHosts()
    {
        var options = TestOptions.Create();
        options.AuthorizeBaseUrl = "http://127.0.0.1:6001/";
        options.QrImageBaseUrl = "http://127.0.0.1:6002";

        Assert.Equal(("http://127.0.0.1:6001", "http://127.0.0.1:6002"), (options.ResolvedAuthorizeBaseUrl(), options.ResolvedQrImageBaseUrl()));
    }

    private static void AssertSingleFault(Action<WeChatOptions> change, string message) =>
        Assert.Equal([message], Faults(change));

    private static IReadOnlyList<string> Faults(Action<WeChatOptions> change)
    {
        var options = TestOptions.Create();
        change(options);
        return WeChatOptionsValidator.Faults(options);
    }
}
