using System.Collections.Frozen;
using System.Text;

namespace HospitalOrleans.WeChat.Menus;

/// <summary>
/// WeChat's custom-menu limits, checked before a <c>menu/create</c> call so a broken menu is
/// caught with a path and a reason instead of a bare errcode.
/// </summary>
public static class MenuRules
{
    public const int MaxTopLevelButtons = 3;
    public const int MaxSubButtons = 5;
    public const int MaxTopLevelNameBytes = 16;
    public const int MaxSubButtonNameBytes = 60;
    public const int MaxKeyBytes = 128;
    public const int MaxUrlBytes = 1024;

    /// <summary>Every button type WeChat accepts.</summary>
    public static IReadOnlySet<string> ButtonTypes { get; } = FrozenSet.ToFrozenSet(
    [
        "click", "view", "scancode_push", "scancode_waitmsg", "pic_sysphoto", "pic_photo_or_album",
        "pic_weixin", "location_select", "media_id", "view_limited", "article_id", "article_view_limited", "miniprogram",
    ], StringComparer.Ordinal);

    /// <summary>The types that push an event carrying the button's key.</summary>
    public static IReadOnlySet<string> KeyedTypes { get; } = FrozenSet.ToFrozenSet(
    [
        "click", "scancode_push", "scancode_waitmsg", "pic_sysphoto", "pic_photo_or_album", "pic_weixin", "location_select",
    ], StringComparer.Ordinal);

    /// <summary>Every fault of the menu; empty when WeChat should accept it.</summary>
    public static IReadOnlyList<MenuFault> Validate(Menu menu)
    {
        var faults = new List<MenuFault>();
        if (menu.Button is not { Count: > 0 } buttons)
        {
            faults.Add(new("button", MenuFaultKind.NoButtons, $"a menu needs 1 to {MaxTopLevelButtons} top-level buttons"));
            return faults;
        }

        if (buttons.Count > MaxTopLevelButtons)
        {
            faults.Add(new("button", MenuFaultKind.TooManyTopLevel, $"a menu has at most {MaxTopLevelButtons} top-level buttons, this one has {buttons.Count}"));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < buttons.Count; i++)
        {
            CheckTopLevel(buttons[i], $"button[{i}]", keys, faults);
        }

        return faults;
    }

    private static void CheckTopLevel(MenuButton button, string path, HashSet<string> keys, List<MenuFault> faults)
    {
        CheckName(button.Name, path, MaxTopLevelNameBytes, "top-level", faults);
        if (button.SubButtons is not { } subs || (subs.Count == 0 && button.Type is not null))
        {
            // menu/get writes "sub_button":[] on every leaf, so an empty list beside a type is a leaf.
            CheckLeaf(button, path, keys, faults);
            return;
        }

        if (subs.Count == 0)
        {
            faults.Add(new($"{path}.sub_button", MenuFaultKind.EmptySubMenu, $"a sub-menu needs 1 to {MaxSubButtons} buttons"));
            return;
        }

        if (button.Type is not null)
        {
            faults.Add(new($"{path}.type", MenuFaultKind.TypeOnParent, "a button with sub_button must not have a type"));
        }

        if (subs.Count > MaxSubButtons)
        {
            faults.Add(new($"{path}.sub_button", MenuFaultKind.TooManySubButtons, $"a sub-menu has at most {MaxSubButtons} buttons, this one has {subs.Count}"));
        }

        for (var j = 0; j < subs.Count; j++)
        {
            var sub = subs[j];
            var subPath = $"{path}.sub_button[{j}]";
            CheckName(sub.Name, subPath, MaxSubButtonNameBytes, "sub-button", faults);
            if (sub.SubButtons is { Count: > 0 })
            {
                faults.Add(new($"{subPath}.sub_button", MenuFaultKind.TooDeep, "menus have two levels: a sub-button cannot have sub_button"));
                continue;
            }

            CheckLeaf(sub, subPath, keys, faults);
        }
    }

    private static void CheckName(string? name, string path, int maxBytes, string level, List<MenuFault> faults)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            faults.Add(new($"{path}.name", MenuFaultKind.NameMissing, "every button needs a name"));
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > maxBytes)
        {
            faults.Add(new($"{path}.name", MenuFaultKind.NameTooLong, $"a {level} name allows at most {maxBytes} bytes in UTF-8, this one has {bytes}"));
        }
    }

    private static void CheckLeaf(MenuButton button, string path, HashSet<string> keys, List<MenuFault> faults)
    {
        var type = button.Type;
        if (string.IsNullOrEmpty(type) || !ButtonTypes.Contains(type))
        {
            faults.Add(new($"{path}.type", MenuFaultKind.UnknownType, string.IsNullOrEmpty(type)
                ? "a button without sub_button needs a type"
                : $"unknown button type; WeChat accepts {string.Join(", ", ButtonTypes.Order(StringComparer.Ordinal))}"));
            CheckKeyLength(button.Key, path, faults);
            return;
        }

        if (KeyedTypes.Contains(type))
        {
            CheckKey(button.Key, path, keys, faults);
        }
        else
        {
            CheckKeyLength(button.Key, path, faults);
        }

        switch (type)
        {
            case "view":
                CheckUrl(button.Url, path, faults);
                break;
            case "miniprogram":
                CheckUrl(button.Url, path, faults);
                Require(button.AppId, $"{path}.appid", MenuFaultKind.AppIdMissing, "a miniprogram button needs the mini program's appid", faults);
                Require(button.PagePath, $"{path}.pagepath", MenuFaultKind.PagePathMissing, "a miniprogram button needs a pagepath", faults);
                break;
            case "media_id" or "view_limited":
                Require(button.MediaId, $"{path}.media_id", MenuFaultKind.MediaIdMissing, $"a {type} button needs a media_id", faults);
                break;
            case "article_id" or "article_view_limited":
                Require(button.ArticleId, $"{path}.article_id", MenuFaultKind.ArticleIdMissing, $"an {type} button needs an article_id", faults);
                break;
        }
    }

    private static void CheckKey(string? key, string path, HashSet<string> keys, List<MenuFault> faults)
    {
        if (string.IsNullOrEmpty(key))
        {
            faults.Add(new($"{path}.key", MenuFaultKind.KeyMissing, "this button type needs a key"));
            return;
        }

        CheckKeyLength(key, path, faults);
        if (!keys.Add(key))
        {
            faults.Add(new($"{path}.key", MenuFaultKind.DuplicateKey, "another button already uses this key, so their events could not be told apart"));
        }
    }

    private static void CheckKeyLength(string? key, string path, List<MenuFault> faults)
    {
        if (key is not null && Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            faults.Add(new($"{path}.key", MenuFaultKind.KeyTooLong, $"a key allows at most {MaxKeyBytes} bytes in UTF-8"));
        }
    }

    private static void CheckUrl(string? url, string path, List<MenuFault> faults)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            faults.Add(new($"{path}.url", MenuFaultKind.UrlMissing, "this button type needs a url"));
            return;
        }

        if (Encoding.UTF8.GetByteCount(url) > MaxUrlBytes)
        {
            faults.Add(new($"{path}.url", MenuFaultKind.UrlTooLong, $"a url allows at most {MaxUrlBytes} bytes in UTF-8"));
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            faults.Add(new($"{path}.url", MenuFaultKind.UrlInvalid, "a url must be an absolute http or https address"));
        }
    }

    private static void Require(string? value, string path, MenuFaultKind kind, string message, List<MenuFault> faults)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            faults.Add(new(path, kind, message));
        }
    }
}
