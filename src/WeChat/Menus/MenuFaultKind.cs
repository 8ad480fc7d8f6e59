namespace HospitalOrleans.WeChat.Menus;

/// <summary>What is wrong with one part of a custom menu.</summary>
public enum MenuFaultKind
{
    NoButtons,
    TooManyTopLevel,
    TooManySubButtons,
    EmptySubMenu,
    NameMissing,
    NameTooLong,
    /// <summary>A leaf without a type, or with a type WeChat does not know.</summary>
    UnknownType,
    TypeOnParent,
    KeyMissing,
    KeyTooLong,
    UrlMissing,
    UrlInvalid,
    UrlTooLong,
    AppIdMissing,
    PagePathMissing,
    MediaIdMissing,
    ArticleIdMissing,
    DuplicateKey,
    /// <summary>A sub-button with sub-buttons of its own: menus have two levels.</summary>
    TooDeep,
}
