using System.Text;
using HospitalOrleans.WeChat.Menus;
using HospitalOrleans.WeChatSimulator.QrCodes;
using HospitalOrleans.WeChatSimulator.Users;
using static HospitalOrleans.WeChatSimulator.Pages.Html;

namespace HospitalOrleans.WeChatSimulator.Pages;

/// <summary>What the simulator's page shows: the users, and the selected user's phone.</summary>
public sealed record SimulatorPageModel(
    string AccountName,
    IReadOnlyList<SimulatedUser> Users,
    SimulatedUser? Selected,
    IReadOnlyList<ChatEntry> Chat,
    Menu? Menu,
    IReadOnlyList<QrTicket> QrCodes);

/// <summary>The page at <c>/</c>: a list of OpenIDs and a phone-like chat for the selected one.</summary>
public static class SimulatorPage
{
    public static string Render(SimulatorPageModel model) => $"""
        <div class="sim">
          {UserList(model)}
          {(model.Selected is { } user ? Phone(model, user) : NoUser(model.AccountName))}
        </div>
        <footer class="footer">{Bi("微信模拟器：状态只保存在内存中，重启即清空；仅用于演示与测试。", "WeChat simulator: state is kept in memory only and is lost on restart; for demos and tests.")}</footer>
        """;

    private static string UserList(SimulatorPageModel model)
    {
        var items = new StringBuilder();
        foreach (var user in model.Users)
        {
            var selected = user.OpenId == model.Selected?.OpenId ? " selected" : "";
            var badge = user.Following ? $"""<span class="badge">{Bi("已关注", "following")}</span>""" : "";
            items.Append($"""
                <li><a class="user{selected}" href="/?openid={Uri.EscapeDataString(user.OpenId)}" data-testid="user" data-openid="{E(user.OpenId)}">
                  <span class="nickname">{E(user.Nickname)}</span> {badge}<code>{E(user.OpenId)}</code></a></li>
                """);
        }
        return $"""
            <aside class="users" data-testid="users">
              <h2>{Bi("用户", "Users")}</h2>
              <form method="post" action="/sim/page/new-user">
                <button type="submit" id="new-user" data-testid="new-user" class="primary">{Bi("新用户", "New user")}</button>
              </form>
              <ul>{items}</ul>
            </aside>
            """;
    }

    private static string NoUser(string accountName) => $"""
        <main class="phone" data-testid="phone">
          <header class="phone-top"><span class="account">{E(accountName)}</span></header>
          <div class="chat"><p class="empty">{Bi("点击“新用户”开始", "Press “New user” to start")}</p></div>
        </main>
        """;

    private static string Phone(SimulatorPageModel model, SimulatedUser user)
    {
        var action = $"/sim/page/users/{Uri.EscapeDataString(user.OpenId)}";
        var composer = user.Following
            ? $"""
              <form method="post" action="{E(action)}/text" class="composer">
                <input name="content" id="text-input" data-testid="text-input" placeholder="发消息 / Message" autocomplete="off" required maxlength="2000">
                <button type="submit" id="send" data-testid="send" class="primary">{Bi("发送", "Send")}</button>
              </form>
              {MenuBarView.Render(model.Menu, user.OpenId)}
              """
            : $"""<p class="hint follow-hint">{Bi("关注公众号后才能发消息和使用菜单", "Follow the account to chat and use the menu")}</p>""";
        var follow = user.Following
            ? $"""<form method="post" action="{E(action)}/unfollow"><button type="submit" id="unfollow" data-testid="unfollow">{Bi("取消关注", "Unfollow")}</button></form>"""
            : $"""<form method="post" action="{E(action)}/follow"><button type="submit" id="follow" data-testid="follow" class="primary">{Bi("关注", "Follow")}</button></form>""";
        return $"""
            <main class="phone" data-testid="phone" data-openid="{E(user.OpenId)}" data-following="{(user.Following ? "true" : "false")}">
              <header class="phone-top">
                <span class="account" data-testid="account-name">{E(model.AccountName)}</span>
                <small data-testid="current-openid">{E(user.Nickname)} · {E(user.OpenId)}</small>
              </header>
              <div class="chat" id="chat" data-testid="chat" data-count="{model.Chat.Count}">{ChatView.Render(model.Chat)}</div>
              {composer}
              <div class="actions">{follow}{ScanList(model.QrCodes, action)}</div>
            </main>
            """;
    }

    private static string ScanList(IReadOnlyList<QrTicket> codes, string action)
    {
        var items = new StringBuilder();
        foreach (var code in codes)
            items.Append($"""
                <form method="post" action="{E(action)}/scan"><input type="hidden" name="ticket" value="{E(code.Ticket)}">
                  <button type="submit" data-testid="scan-ticket" data-scene="{E(code.Scene)}">{E(code.Scene)} <small>{(code.Permanent ? "永久 permanent" : "临时 temporary")}</small></button>
                </form>
                """);
        var list = codes.Count == 0 ? $"""<p class="hint">{Bi("公众号还没有生成二维码", "The account has made no QR codes yet")}</p>""" : items.ToString();
        return $"""<details class="scan"><summary id="scan" data-testid="scan">{Bi("扫一扫", "Scan")}</summary><div class="scan-list">{list}</div></details>""";
    }
}
