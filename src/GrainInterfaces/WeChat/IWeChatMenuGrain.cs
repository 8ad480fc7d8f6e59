namespace HospitalOrleans.GrainInterfaces.WeChat;

/// <summary>
/// The account's custom menu: numbered versions, the one published, and publishing through
/// menu/create with a read-back through menu/get. Key 0. Menus cross as WeChat's own JSON.
/// </summary>
[Alias("hospital.wechat-menu")]
public interface IWeChatMenuGrain : IGrainWithIntegerKey
{
    [Alias("get")] Task<MenuBook> GetAsync();

    /// <summary>Validates and stores a new version (not yet published).</summary>
    [Alias("save")] Task<MenuChangeResult> SaveAsync(string menuJson, string by);

    /// <summary>Publishes a stored version; rolling back is publishing an older one.</summary>
    [Alias("publish")] Task<MenuChangeResult> PublishAsync(int version, string by);
}

[GenerateSerializer, Alias("hospital.MenuBook")]
public sealed record MenuBook(
    [property: Id(0)] IReadOnlyList<MenuVersionView> Versions,
    [property: Id(1)] int? PublishedVersion);

[GenerateSerializer, Alias("hospital.MenuVersionView")]
public sealed record MenuVersionView(
    [property: Id(0)] int Version,
    [property: Id(1)] string MenuJson,
    [property: Id(2)] string SavedBy,
    [property: Id(3)] DateTimeOffset SavedAt,
    [property: Id(4)] DateTimeOffset? PublishedAt,
    [property: Id(5)] string? PublishedBy);

[GenerateSerializer, Alias("hospital.MenuChangeResult")]
public sealed record MenuChangeResult(
    [property: Id(0)] bool Ok,
    [property: Id(1)] int? Version,
    [property: Id(2)] IReadOnlyList<MenuProblem> Problems)
{
    public static MenuChangeResult Done(int version) => new(true, version, []);
    public static MenuChangeResult Refused(params MenuProblem[] problems) => new(false, null, problems);
}

/// <summary>One fault: where (e.g. <c>button[1].sub_button[2].name</c>), its kind and an explanation.</summary>
[GenerateSerializer, Alias("hospital.MenuProblem")]
public sealed record MenuProblem(
    [property: Id(0)] string Path,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Message);
