namespace HospitalOrleans.WeChatSimulator.Push;

/// <summary>How a push went: the tries it took and the platform's answer body, or why every try failed.</summary>
public sealed record PushOutcome(int Attempts, string? ReplyBody, string? Failure)
{
    public bool Delivered => Failure is null;
}
