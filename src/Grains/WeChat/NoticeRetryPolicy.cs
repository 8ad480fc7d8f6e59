using HospitalOrleans.WeChat.Api;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>When to try a notice again, and which WeChat answers make trying again pointless.</summary>
public static class NoticeRetryPolicy
{
    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3),
    ];

    public static int MaxAttempts => Backoff.Length + 1;

    /// <summary>The moment of the next try after <paramref name="attempts"/> failed ones, or null to give up.</summary>
    public static DateTimeOffset? NextAttempt(int attempts, DateTimeOffset now) =>
        attempts >= MaxAttempts ? null : now + Backoff[Math.Clamp(attempts - 1, 0, Backoff.Length - 1)];

    /// <summary>Errors that say the message itself cannot be delivered (a retry would fail the same way).</summary>
    public static bool IsPermanent(int errCode) => errCode is WeChatErrorCodes.InvalidOpenId or WeChatErrorCodes.InvalidTemplateId
        or WeChatErrorCodes.UserNotFollowing or 47001 /* data format */ or 40165 /* invalid page path */;
}
