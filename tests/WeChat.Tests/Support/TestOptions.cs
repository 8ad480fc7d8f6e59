using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Tests.Support;

internal static class TestOptions
{
    public const string AppSecret = "0123456789abcdef0123456789abcdef";

    /// <summary>Options matching Vector A's account, pointed at an in-memory API host.</summary>
    public static WeChatOptions Create(bool safeMode = false, string apiBaseUrl = "http://127.0.0.1:5999") => new()
    {
        AppId = VectorA.AppId,
        AppSecret = AppSecret,
        Token = VectorA.Token,
        EncodingAESKey = VectorA.EncodingAesKey,
        SafeMode = safeMode,
        ApiBaseUrl = apiBaseUrl,
    };

    public static IOptions<WeChatOptions> Wrap(WeChatOptions options) => Options.Create(options);
}
