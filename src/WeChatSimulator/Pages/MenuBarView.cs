using System.Text;
using HospitalOrleans.WeChat.Menus;
using static HospitalOrleans.WeChatSimulator.Pages.Html;

namespace HospitalOrleans.WeChatSimulator.Pages;

/// <summary>
/// The published menu at the foot of the chat: a top-level item with sub-buttons opens its list
/// (a &lt;details&gt;, no script); each leaf is a small form posting the matching user action.
/// </summary>
public static class MenuBarView
{
    public static string Render(Menu? menu, string openId)
    {
        if (menu is null || menu.Button.Count == 0)
            return $"""<nav class="menu-bar" data-testid="menu-bar"><span class="hint">{Bi("公众号未发布菜单", "No menu published")}</span></nav>""";
        var html = new StringBuilder("""<nav class="menu-bar" data-testid="menu-bar">""");
        foreach (var button in menu.Button)
        {
            if (button.SubButtons is { Count: > 0 } subs)
            {
                html.Append($"""<details class="menu-item parent"><summary data-testid="menu-item" data-name="{E(button.Name)}">☰ {E(button.Name)}</summary><div class="sub-menu">""");
                foreach (var sub in subs) html.Append(Leaf(sub, openId, "sub-menu-item"));
                html.Append("</div></details>");
            }
            else
            {
                html.Append(Leaf(button, openId, "menu-item"));
            }
        }
        return html.Append("</nav>").ToString();
    }

    private static string Leaf(MenuButton button, string openId, string testId)
    {
        var action = $"/sim/page/users/{Uri.EscapeDataString(openId)}";
        var attributes = $"""data-testid="{testId}" data-name="{E(button.Name)}" data-type="{E(button.Type)}" """;
        return button.Type switch
        {
            "click" => Form($"{action}/click", "key", button.Key, button.Name, attributes),
            "view" or "miniprogram" => Form($"{action}/view", "url", button.Url, button.Name, attributes),
            "scancode_push" or "scancode_waitmsg" => $"""
                <form method="post" action="{E(action)}/scancode-push" class="menu-item scancode">
                  <input type="hidden" name="key" value="{E(button.Key)}">
                  <input name="result" placeholder="扫码结果 / scan result" required data-testid="scancode-result">
                  <button type="submit" {attributes}>{E(button.Name)}</button>
                </form>
                """,
            _ => $"""<span class="menu-item unsupported" {attributes} title="not simulated">{E(button.Name)}</span>""",
        };
    }

    private static string Form(string action, string field, string? value, string? name, string attributes) => $"""
        <form method="post" action="{E(action)}" class="menu-item">
          <input type="hidden" name="{field}" value="{E(value)}">
          <button type="submit" {attributes}>{E(name)}</button>
        </form>
        """;
}
