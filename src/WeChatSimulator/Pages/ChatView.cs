using System.Globalization;
using System.Text;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using HospitalOrleans.WeChatSimulator.Users;
using static HospitalOrleans.WeChatSimulator.Pages.Html;

namespace HospitalOrleans.WeChatSimulator.Pages;

/// <summary>Draws chat lines as WeChat does: the user's bubbles on the right, the account's on the left, events as notes.</summary>
public static class ChatView
{
    public static string Render(IReadOnlyList<ChatEntry> entries)
    {
        if (entries.Count == 0) return $"""<p class="empty">{Bi("还没有消息", "No messages yet")}</p>""";
        var html = new StringBuilder();
        foreach (var entry in entries) html.Append(Entry(entry));
        return html.ToString();
    }

    private static string Entry(ChatEntry entry)
    {
        var time = ChinaTime.ToChina(entry.Time).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var inner = entry.Kind switch
        {
            ChatKinds.Event => $"""<span class="note">{E(entry.Content)}{(entry.Url is null ? "" : $" <code>{E(entry.Url)}</code>")}</span>""",
            ChatKinds.Error => $"""<span class="note error" title="{E(entry.Description)}" data-testid="error-entry">{E(entry.Content)}</span>""",
            ChatKinds.News => News(entry),
            ChatKinds.Template => Template(entry),
            _ => $"""<div class="bubble">{TextLinks.Render(entry.Content)}</div>""",
        };
        return $"""
            <div class="entry {E(entry.Direction)} {E(entry.Kind)}" data-testid="chat-entry" data-kind="{E(entry.Kind)}" data-direction="{E(entry.Direction)}" data-seq="{entry.Seq}">
              <time>{time}</time>{inner}
            </div>
            """;
    }

    private static string News(ChatEntry entry) => $"""
        <a class="card news-card" href="{E(entry.Url)}" data-testid="news-card">
          <strong>{E(entry.Title)}</strong>
          <span class="description">{E(entry.Description)}</span>
          <span class="more">{Bi("阅读全文", "Read more")}</span>
        </a>
        """;

    /// <summary>"first" heads the card and "remark" closes it (old-style templates); every other keyword is a row.</summary>
    private static string Template(ChatEntry entry)
    {
        var data = entry.Data ?? new Dictionary<string, string>();
        var rows = new StringBuilder();
        foreach (var (key, value) in data.Where(p => p.Key is not ("first" or "remark")))
            rows.Append($"""<div class="row" data-key="{E(key)}"><dt>{E(entry.Labels?.GetValueOrDefault(key) ?? key)}</dt><dd>{E(value)}</dd></div>""");
        var first = data.TryGetValue("first", out var heading) ? $"""<p class="first">{E(heading)}</p>"""
            : string.IsNullOrEmpty(entry.Title) ? "" : $"""<p class="first template-title">{E(entry.Title)}</p>""";
        var remark = data.TryGetValue("remark", out var closing) ? $"""<p class="remark">{E(closing)}</p>""" : "";
        var link = string.IsNullOrEmpty(entry.Url) ? "" : $"""<a class="more" href="{E(entry.Url)}" data-testid="template-link">{Bi("详情", "Details")}</a>""";
        return $"""
            <div class="card template-card" data-testid="template-card" data-template-id="{E(entry.TemplateId)}">
              <span class="card-kind">{Bi("模板消息", "Template message")} · <code>{E(entry.TemplateId)}</code></span>
              {first}<dl>{rows}</dl>{remark}{link}
            </div>
            """;
    }
}
