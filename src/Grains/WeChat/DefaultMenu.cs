using HospitalOrleans.WeChat.Menus;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>
/// The menu the account starts with: booking first (what most patients come for), then their own
/// records, then services. Pages that need a patient go through WeChat sign-in first.
/// </summary>
public static class DefaultMenu
{
    public const string ReportsKey = "my-reports";
    public const string CostsKey = "my-costs";
    public const string CardsKey = "my-cards";
    public const string NavigationKey = "navigation";
    public const string FeedbackKey = "feedback";

    public static Menu Build(WeChatAccountOptions options) => new(
    [
        // Through WeChat sign-in, so the patient is recognised by their OpenID on arrival (silent with snsapi_base).
        View("预约挂号", options.Link("/signin/wechat?returnUrl=%2F")),
        new MenuButton
        {
            Name = "我的就诊",
            SubButtons =
            [
                Click("检查报告", ReportsKey),
                Click("费用明细", CostsKey),
                View("我的预约", options.Link("/signin/wechat?returnUrl=%2Fme%2Fbookings")),
            ],
        },
        new MenuButton
        {
            Name = "服务",
            SubButtons =
            [
                Click("就诊卡", CardsKey),
                Click("来院导航", NavigationKey),
                Click("意见反馈", FeedbackKey),
            ],
        },
    ]);

    private static MenuButton View(string name, string url) => new() { Type = "view", Name = name, Url = url };

    private static MenuButton Click(string name, string key) => new() { Type = "click", Name = name, Key = key };
}
