namespace HospitalOrleans.WeChat;

/// <summary>The Official Account's credentials and server settings, bound from the <c>WeChat</c> section.</summary>
public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    private const string WeChatAuthorizeBaseUrl = "https://open.weixin.qq.com";
    private const string WeChatQrImageBaseUrl = "https://mp.weixin.qq.com";

    /// <summary>The account's appid: <c>wx</c> and 16 letters or digits.</summary>
    public string AppId { get; set; } = "";

    /// <summary>Secret. Never logged.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The server-configuration Token that signs every push. Secret.</summary>
    public string Token { get; set; } = "";

    /// <summary>The 43-character safe-mode key; required when <see cref="SafeMode"/>. Secret.</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>Safe mode (安全模式): pushes arrive encrypted and replies must be encrypted.</summary>
    public bool SafeMode { get; set; }

    /// <summary>WeChat's API host, or the simulator's.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";

    /// <summary>Host of the OAuth authorize page; null means WeChat's own when the API is WeChat's, else the API host.</summary>
    public string? AuthorizeBaseUrl { get; set; }

    /// <summary>Host serving QR images (<c>showqrcode</c>); null means WeChat's own when the API is WeChat's, else the API host.</summary>
    public string? QrImageBaseUrl { get; set; }

    /// <summary>How far a push's timestamp may be from now before it counts as a replay.</summary>
    public int MaxTimestampSkewSeconds { get; set; } = 300;

    /// <summary>Largest push body accepted.</summary>
    public int MaxBodyBytes { get; set; } = 65536;

    public string ResolvedAuthorizeBaseUrl() => Resolve(AuthorizeBaseUrl, WeChatAuthorizeBaseUrl);

    public string ResolvedQrImageBaseUrl() => Resolve(QrImageBaseUrl, WeChatQrImageBaseUrl);

    /// <summary>True when <see cref="ApiBaseUrl"/> is one of WeChat's own hosts (a *.weixin.qq.com address).</summary>
    public bool IsWeChatApi() =>
        Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri)
        && uri.Host.EndsWith(".weixin.qq.com", StringComparison.OrdinalIgnoreCase);

    private string Resolve(string? configured, string weChatDefault)
    {
        var chosen = !string.IsNullOrWhiteSpace(configured) ? configured : IsWeChatApi() ? weChatDefault : ApiBaseUrl;
        return chosen.TrimEnd('/');
    }
}
