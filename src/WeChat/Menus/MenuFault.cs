namespace HospitalOrleans.WeChat.Menus;

/// <summary>One fault of a menu: where (<c>button[1].sub_button[2].name</c>), what, and an English sentence naming the limit.</summary>
public sealed record MenuFault(string Path, MenuFaultKind Kind, string Message);
