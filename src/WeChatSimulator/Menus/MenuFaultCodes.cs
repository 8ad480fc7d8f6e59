using HospitalOrleans.WeChat.Menus;
using HospitalOrleans.WeChatSimulator.Infrastructure;

namespace HospitalOrleans.WeChatSimulator.Menus;

/// <summary>The errcode WeChat answers for each kind of menu fault: first-level and sub-menu buttons have codes of their own.</summary>
public static class MenuFaultCodes
{
    public static WeChatFailure For(MenuFault fault)
    {
        var sub = fault.Path.Contains("sub_button[", StringComparison.Ordinal);
        return fault.Kind switch
        {
            MenuFaultKind.NoButtons or MenuFaultKind.TooManyTopLevel => new(40016, "invalid button size"),
            MenuFaultKind.TooManySubButtons or MenuFaultKind.EmptySubMenu => new(40023, "invalid sub button size"),
            MenuFaultKind.NameMissing or MenuFaultKind.NameTooLong => sub ? new(40025, "invalid sub button name size") : new(40018, "invalid button name size"),
            MenuFaultKind.UnknownType or MenuFaultKind.TypeOnParent => sub ? new(40024, "invalid sub button type") : new(40017, "invalid button type"),
            MenuFaultKind.KeyMissing or MenuFaultKind.KeyTooLong => sub ? new(40026, "invalid sub button key size") : new(40019, "invalid button key size"),
            MenuFaultKind.UrlMissing or MenuFaultKind.UrlTooLong => sub ? new(40027, "invalid sub button url size") : new(40020, "invalid button url size"),
            MenuFaultKind.UrlInvalid => sub ? new(40054, "invalid sub button url domain") : new(40055, "invalid button url domain"),
            MenuFaultKind.AppIdMissing => new(40166, "invalid weapp appid"),
            MenuFaultKind.PagePathMissing => new(40165, "invalid weapp pagepath"),
            MenuFaultKind.MediaIdMissing or MenuFaultKind.ArticleIdMissing => new(40007, "invalid media_id"),
            _ => Failures.InvalidParameter,
        };
    }

    /// <summary>WeChat itself accepts two buttons with one key; the library's stricter check is advice for our own menus.</summary>
    public static bool WeChatRefuses(MenuFault fault) => fault.Kind != MenuFaultKind.DuplicateKey;
}
