using System.Text.Json;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Persistence;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Menus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>
/// The custom menu's versions. Saving validates against WeChat's limits first, so a publish only
/// fails for reasons outside our control; publishing reads the menu back to confirm WeChat holds
/// exactly what was sent.
/// </summary>
public sealed partial class WeChatMenuGrain(
    [PersistentState("wechat-menu", GrainStorage.ProviderName)] IPersistentState<MenuVersions> store,
    WeChatAccountApi api,
    IOptions<WeChatAccountOptions> options,
    HospitalClock clock,
    ILogger<WeChatMenuGrain> logger) : Grain, IWeChatMenuGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.Versions.Count > 0) return;
        Add(MenuJsonText.Write(DefaultMenu.Build(options.Value)), "system:default");
        await store.WriteStateAsync(cancellationToken);
    }

    public Task<MenuBook> GetAsync() => Task.FromResult(new MenuBook(
        store.State.Versions.OrderByDescending(v => v.Version)
            .Select(v => new MenuVersionView(v.Version, v.MenuJson, v.SavedBy, v.SavedAt, v.PublishedAt, v.PublishedBy)).ToList(),
        store.State.PublishedVersion));

    public async Task<MenuChangeResult> SaveAsync(string menuJson, string by)
    {
        var menu = MenuJsonText.Read(menuJson);
        if (menu is null) return MenuChangeResult.Refused(new MenuProblem("", "malformed", "The menu is not valid menu JSON: {\"button\":[…]}."));
        var faults = MenuRules.Validate(menu);
        if (faults.Count > 0)
            return MenuChangeResult.Refused(faults.Select(f => new MenuProblem(f.Path, f.Kind.ToString(), f.Message)).ToArray());
        var stored = Add(MenuJsonText.Write(menu), by);
        await store.WriteStateAsync();
        return MenuChangeResult.Done(stored.Version);
    }

    public async Task<MenuChangeResult> PublishAsync(int version, string by)
    {
        var stored = store.State.Versions.Find(v => v.Version == version);
        if (stored is null) return MenuChangeResult.Refused(new MenuProblem("", "unknown-version", $"There is no menu version {version}."));
        var menu = MenuJsonText.Read(stored.MenuJson)!;
        var created = await api.CreateMenuAsync(menu, CancellationToken.None);
        if (!created.Ok) return WeChatRefused("menu/create", created.Error!);
        var readBack = await api.GetMenuAsync(CancellationToken.None);
        if (!readBack.Ok) return WeChatRefused("menu/get", readBack.Error!);
        if (readBack.Value is null || MenuJsonText.Write(readBack.Value) != MenuJsonText.Write(menu))
            return MenuChangeResult.Refused(new MenuProblem("", "read-back-differs", "WeChat accepted the menu but reads back a different one; publish again."));
        stored.PublishedAt = clock.Now;
        stored.PublishedBy = by;
        store.State.PublishedVersion = version;
        await store.WriteStateAsync();
        LogPublished(version, by);
        return MenuChangeResult.Done(version);
    }

    private StoredMenu Add(string menuJson, string by)
    {
        var stored = new StoredMenu
        {
            Version = store.State.Versions.Count == 0 ? 1 : store.State.Versions.Max(v => v.Version) + 1,
            MenuJson = menuJson,
            SavedBy = by,
            SavedAt = clock.Now,
        };
        store.State.Versions.Add(stored);
        return stored;
    }

    private static MenuChangeResult WeChatRefused(string call, WeChatError error) =>
        MenuChangeResult.Refused(new MenuProblem("", "wechat-refused", $"WeChat refused {call}: {error.ErrCode} {error.ErrMsg}"));

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat menu version {Version} published by {By}.")]
    private partial void LogPublished(int version, string by);
}

/// <summary>One canonical JSON text per menu, so versions compare by text.</summary>
public static class MenuJsonText
{
    public static string Write(Menu menu) => JsonSerializer.Serialize(Normalised(menu), WeChatJson.Options);

    public static Menu? Read(string json)
    {
        try
        {
            var menu = JsonSerializer.Deserialize<Menu>(json, WeChatJson.Options);
            return menu?.Button is null ? null : Normalised(menu);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>menu/get adds <c>"sub_button":[]</c> to every leaf; leaves carry none here.</summary>
    private static Menu Normalised(Menu menu) => new(menu.Button.Select(Normalised).ToList());

    private static MenuButton Normalised(MenuButton button) => button with
    {
        SubButtons = button.SubButtons is { Count: > 0 } subs ? subs.Select(Normalised).ToList() : null,
    };
}
