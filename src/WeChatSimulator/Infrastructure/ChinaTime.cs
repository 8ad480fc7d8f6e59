namespace HospitalOrleans.WeChatSimulator.Infrastructure;

/// <summary>WeChat lives on Beijing time: daily quotas roll over at midnight UTC+8.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly QuotaDay(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static long UnixSeconds(this TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds();
}
