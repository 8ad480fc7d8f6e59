using System.Text;
using System.Text.RegularExpressions;

namespace HospitalOrleans.WeChatSimulator.Pages;

/// <summary>
/// WeChat renders <c>&lt;a href="…"&gt;…&lt;/a&gt;</c> inside text messages as links, and nothing else as markup;
/// so does the simulator, encoding everything around them.
/// </summary>
public static partial class TextLinks
{
    public static string Render(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var html = new StringBuilder();
        var last = 0;
        foreach (Match link in Anchor().Matches(text))
        {
            html.Append(Html.E(text[last..link.Index]));
            html.Append($"""<a href="{Html.E(link.Groups["href"].Value)}" data-testid="text-link">{Html.E(link.Groups["label"].Value)}</a>""");
            last = link.Index + link.Length;
        }
        return html.Append(Html.E(text[last..])).ToString();
    }

    [GeneratedRegex("""<a\s+href=["'](?<href>https?://[^"'<>\s]+)["'][^>]*>(?<label>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Anchor();
}
