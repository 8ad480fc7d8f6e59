using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HospitalOrleans.WeChatSimulator.Pages;

/// <summary>The page shell and encoding helpers: pages are built as strings, with every value encoded here.</summary>
public static class Html
{
    private static readonly Lazy<string> Css = new(() => Resource("simulator.css"));
    private static readonly Lazy<string> Script = new(() => Resource("simulator.js"));

    // Markup characters are still encoded; Chinese stays readable in the source instead of &#x...; entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? value) => Encoder.Encode(value ?? "");

    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK, bool withScript = false) =>
        TypedResults.Content(Document(title, body, withScript), "text/html; charset=utf-8", statusCode: statusCode);

    /// <summary>A bilingual heading: Chinese first, English as the subtitle.</summary>
    public static string Bi(string chinese, string english) => $"{E(chinese)} <small lang=\"en\">{E(english)}</small>";

    public static string Document(string title, string body, bool withScript) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)}</title>
        <style>{Css.Value}</style>
        </head>
        <body>
        {body}
        {(withScript ? $"<script>{Script.Value}</script>" : "")}
        </body>
        </html>
        """;

    private static string Resource(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
