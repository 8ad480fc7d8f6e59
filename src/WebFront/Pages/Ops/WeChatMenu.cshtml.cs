using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.WeChat;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WeChat.Menus;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Ops;

/// <summary>
/// The account's custom menu in the back office: a form of three items with five sub-items each,
/// a phone-like preview, and the version list where any version can be published (rolling back
/// is publishing an older one). The rules are WeChat's, checked by the same code as the API.
/// </summary>
[Authorize(Policy = Policies.Operations)]
public sealed class WeChatMenuModel(IGrainFactory grains) : HospitalPageModel
{
    public const int TopLevel = 3;
    public const int SubLevel = 5;
    public static readonly string[] LeafTypes = ["view", "click", "scancode_push"];

    public MenuBook Book { get; private set; } = new([], null);

    /// <summary>The form: 3 top items × (1 + 5) rows, pre-filled from the newest version.</summary>
    [BindProperty]
    public List<MenuRow> Rows { get; set; } = new();

    public IReadOnlyList<string> Faults { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Rows = RowsFrom(Book.Versions.FirstOrDefault() is { } newest ? MenuJsonText.Read(newest.MenuJson) : null);
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var result = await grains.GetGrain<IWeChatMenuGrain>(0).SaveAsync(MenuJsonText.Write(MenuFrom(Rows)), User.Name());
        if (!result.Ok)
        {
            await LoadAsync();
            Faults = result.Problems.Select(p => T.MenuFault(Where(p.Path), T.MenuFaultMessage(p.Kind) ?? p.Message)).ToList();
            return Fail(string.Join(" ", Faults), StatusCodes.Status400BadRequest);
        }
        Notice = T.MenuSaved;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPublishAsync(int version)
    {
        var result = await grains.GetGrain<IWeChatMenuGrain>(0).PublishAsync(version, User.Name());
        if (!result.Ok)
        {
            await LoadAsync();
            Rows = RowsFrom(Book.Versions.FirstOrDefault() is { } newest ? MenuJsonText.Read(newest.MenuJson) : null);
            return Fail(T.MenuPublishFailed(string.Join(" ", result.Problems.Select(p => p.Message))), StatusCodes.Status502BadGateway);
        }
        Notice = T.MenuPublishedNotice;
        return RedirectToPage();
    }

    public Menu? MenuOf(MenuVersionView version) => MenuJsonText.Read(version.MenuJson);

    private async Task LoadAsync() => Book = await grains.GetGrain<IWeChatMenuGrain>(0).GetAsync();

    /// <summary>"button[1].sub_button[2].name" → "第 2 个一级菜单 › 第 3 个子菜单 › name".</summary>
    private string Where(string path)
    {
        if (string.IsNullOrEmpty(path)) return T.MenuTitle;
        var parts = path.Split('.').Select(part =>
        {
            var open = part.IndexOf('[');
            if (open < 0) return T.MenuFieldName(part);
            var index = int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture) + 1;
            return part.StartsWith("sub_button", StringComparison.Ordinal) ? $"{T.MenuSubItem} {index}" : $"{T.MenuTopItem} {index}";
        });
        return string.Join(" › ", parts);
    }

    private static List<MenuRow> RowsFrom(Menu? menu)
    {
        var rows = new List<MenuRow>();
        for (var top = 0; top < TopLevel; top++)
        {
            var button = menu is not null && top < menu.Button.Count ? menu.Button[top] : null;
            rows.Add(RowOf(button));
            for (var sub = 0; sub < SubLevel; sub++)
                rows.Add(RowOf(button?.SubButtons is { } subs && sub < subs.Count ? subs[sub] : null));
        }
        return rows;
    }

    private static MenuRow RowOf(MenuButton? button) => new()
    {
        Name = button?.Name,
        Type = button?.Type,
        Value = button?.Type is "view" ? button.Url : button?.Key,
    };

    /// <summary>Rows without a name are left out; the rules then judge what remains.</summary>
    private static Menu MenuFrom(List<MenuRow> rows)
    {
        var buttons = new List<MenuButton>();
        for (var top = 0; top < TopLevel; top++)
        {
            var block = rows.Skip(top * (1 + SubLevel)).Take(1 + SubLevel).ToList();
            if (block.Count == 0 || string.IsNullOrWhiteSpace(block[0].Name)) continue;
            var subs = block.Skip(1).Where(r => !string.IsNullOrWhiteSpace(r.Name)).Select(Leaf).ToList();
            buttons.Add(subs.Count > 0 || string.IsNullOrEmpty(block[0].Type)
                ? new MenuButton { Name = block[0].Name!.Trim(), SubButtons = subs }
                : Leaf(block[0]));
        }
        return new Menu(buttons);
    }

    private static MenuButton Leaf(MenuRow row)
    {
        var value = string.IsNullOrWhiteSpace(row.Value) ? null : row.Value.Trim();
        return new MenuButton
        {
            Name = row.Name!.Trim(),
            Type = string.IsNullOrEmpty(row.Type) ? "click" : row.Type,
            Url = row.Type == "view" ? value : null,
            Key = row.Type == "view" ? null : value,
        };
    }
}

public sealed class MenuRow
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Value { get; set; }
}
