namespace HospitalOrleans.Grains.WeChat;

/// <summary>Every menu ever saved, so a bad publish can be rolled back to any earlier version.</summary>
public sealed class MenuVersions
{
    public List<StoredMenu> Versions { get; set; } = new();
    public int? PublishedVersion { get; set; }
}

public sealed class StoredMenu
{
    public int Version { get; set; }
    /// <summary>WeChat's own menu JSON.</summary>
    public string MenuJson { get; set; } = "";
    public string SavedBy { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}
