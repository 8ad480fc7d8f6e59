namespace HospitalOrleans.WeChatSimulator;

/// <summary>
/// The simulated Official Account. The defaults are demo values, and the platform's demo
/// configuration (section <c>WeChat</c>) must carry the same AppId, AppSecret, Token,
/// EncodingAESKey and SafeMode, with its ApiBaseUrl pointing at this simulator.
/// </summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public string AppId { get; set; } = "wx5f1c8d3e7a9b2046";
    public string AppSecret { get; set; } = "demo-simulator-secret-000000000000";
    public string Token { get; set; } = "hospitaldemo";
    public string EncodingAESKey { get; set; } = "HospitalOrleansWeChatSimulatorDemoKey01234A";
    public bool SafeMode { get; set; } = true;

    /// <summary>The account's original id (gh_…), the ToUserName of every push.</summary>
    public string OriginalId { get; set; } = "gh_hospitaldemo";

    /// <summary>Shown at the top of the simulated chat.</summary>
    public string AccountName { get; set; } = "肿瘤医院服务号（演示）";

    /// <summary>The platform's message endpoint (服务器地址 URL) that pushes go to.</summary>
    public string PlatformUrl { get; set; } = "http://127.0.0.1:5080/wechat";

    public int TokenLifetimeSeconds { get; set; } = 7200;
    public int CodeLifetimeSeconds { get; set; } = 300;

    /// <summary>WeChat gives up on a push after 5 s and tries again, three tries in all.</summary>
    public double PushTimeoutSeconds { get; set; } = 5;
    public int PushTries { get; set; } = 3;

    /// <summary>Delay before the TEMPLATESENDJOBFINISH report is pushed.</summary>
    public double TemplateReportDelaySeconds { get; set; } = 1;

    /// <summary>Template ids the account owns; empty accepts any well-formed id.</summary>
    public List<string> Templates { get; set; } = [];

    /// <summary>Title and keyword labels per template id, for the chat view (unknown ids show their raw keys).</summary>
    public Dictionary<string, HospitalOrleans.WeChatSimulator.Templates.TemplateLayout> TemplateLayouts { get; set; } =
        HospitalOrleans.WeChatSimulator.Templates.TemplateLayout.DemoTemplates();

    public DailyQuotaOptions Quotas { get; set; } = new();
}
