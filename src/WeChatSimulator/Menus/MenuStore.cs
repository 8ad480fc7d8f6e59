using HospitalOrleans.WeChat.Menus;

namespace HospitalOrleans.WeChatSimulator.Menus;

/// <summary>The account's published custom menu (one; conditional menus are not simulated).</summary>
public sealed class MenuStore
{
    private readonly Lock _gate = new();
    private Menu? _menu;

    public Menu? Current
    {
        get { lock (_gate) return _menu; }
    }

    public void Publish(Menu menu)
    {
        lock (_gate) _menu = menu;
    }

    /// <summary>False when there was no menu to delete.</summary>
    public bool Delete()
    {
        lock (_gate)
        {
            var had = _menu is not null;
            _menu = null;
            return had;
        }
    }

    /// <summary>menu/get puts <c>"sub_button":[]</c> on every button, leaves included.</summary>
    public static Menu AsWeChatReturnsIt(Menu menu) => new(menu.Button.Select(WithSubButtonList).ToList());

    private static MenuButton WithSubButtonList(MenuButton button) =>
        button with { SubButtons = (button.SubButtons ?? []).Select(WithSubButtonList).ToList() };
}
