using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WeChat.Menus;

/// <summary>The account's custom menu: <c>{"button":[…]}</c>.</summary>
public sealed record Menu([property: JsonPropertyName("button")] List<MenuButton> Button)
{
    public string ToJson() => JsonSerializer.Serialize(this, WeChatJson.Options);

    /// <summary>Reads a <c>menu/create</c> body (<c>{"button":[…]}</c>). Shape only; <see cref="MenuRules"/> checks the limits.</summary>
    public static ParseResult<Menu> FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Menu>(json, WeChatJson.Options) is { Button: not null } menu
                ? ParseResult<Menu>.Success(menu)
                : ParseResult<Menu>.Failure("the body has no \"button\" list");
        }
        catch (JsonException)
        {
            return ParseResult<Menu>.Failure("the body is not a menu in JSON");
        }
    }
}
