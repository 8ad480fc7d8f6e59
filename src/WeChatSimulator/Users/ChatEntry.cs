namespace HospitalOrleans.WeChatSimulator.Users;

/// <summary>
/// One line of a user's conversation with the account. Direction "in" is the user to the account
/// (what the platform receives), "out" the account to the user. Seq and Time are set when it is recorded.
/// </summary>
public sealed record ChatEntry(string Direction, string Kind)
{
    public const string In = "in";
    public const string Out = "out";

    public long Seq { get; init; }
    public DateTimeOffset Time { get; init; }
    public string? Content { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public string? PicUrl { get; init; }
    public string? TemplateId { get; init; }
    public IReadOnlyDictionary<string, string>? Data { get; init; }
    /// <summary>A template's keyword labels (e.g. thing1 → 就诊科室), when the account's template is known.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public long? MsgId { get; init; }
}

/// <summary>The kinds of chat line the page knows how to draw.</summary>
public static class ChatKinds
{
    public const string Text = "text";
    public const string News = "news";
    public const string Template = "template";
    public const string Event = "event";
    public const string Error = "error";
}
