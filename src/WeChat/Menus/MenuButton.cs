using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Menus;

/// <summary>
/// One custom-menu button. A parent has a name and <see cref="SubButtons"/> and no type; a leaf
/// has a type and the field that type needs. Property order is the wire order.
/// </summary>
public sealed record MenuButton
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("media_id")]
    public string? MediaId { get; init; }

    [JsonPropertyName("article_id")]
    public string? ArticleId { get; init; }

    [JsonPropertyName("appid")]
    public string? AppId { get; init; }

    [JsonPropertyName("pagepath")]
    public string? PagePath { get; init; }

    [JsonPropertyName("sub_button")]
    public List<MenuButton>? SubButtons { get; init; }

    /// <summary>A button that pushes a CLICK event with <paramref name="key"/>.</summary>
    public static MenuButton Click(string name, string key) => new() { Type = "click", Name = name, Key = key };

    /// <summary>A button that opens <paramref name="url"/>.</summary>
    public static MenuButton View(string name, string url) => new() { Type = "view", Name = name, Url = url };

    /// <summary>A button that opens the scanner and pushes the result as a scancode_push event.</summary>
    public static MenuButton ScanCodePush(string name, string key) => new() { Type = "scancode_push", Name = name, Key = key };

    /// <summary>A button that opens a page of a linked mini program; <paramref name="url"/> serves clients without mini programs.</summary>
    public static MenuButton MiniProgram(string name, string url, string appId, string pagePath) =>
        new() { Type = "miniprogram", Name = name, Url = url, AppId = appId, PagePath = pagePath };

    /// <summary>A top-level button that opens a sub-menu.</summary>
    public static MenuButton Parent(string name, params MenuButton[] subButtons) =>
        new() { Name = name, SubButtons = [.. subButtons] };
}
