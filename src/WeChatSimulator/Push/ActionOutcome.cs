using HospitalOrleans.WeChatSimulator.Users;

namespace HospitalOrleans.WeChatSimulator.Push;

/// <summary>
/// What a simulated user action did: refused before anything was sent, or pushed (how many tries,
/// delivered or not) with the chat lines it added.
/// </summary>
public sealed record ActionOutcome(
    string? Refusal,
    int Attempts,
    bool Delivered,
    IReadOnlyList<ChatEntry> Entries,
    string? Problem)
{
    public bool Refused => Refusal is not null;

    public static ActionOutcome Refuse(string reason) => new(reason, 0, false, [], null);
}
