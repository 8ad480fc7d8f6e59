namespace HospitalOrleans.Domain.Pools;

/// <summary>Audit record of an online/window split change: who, when, from, to, why.</summary>
public sealed class RatioChange
{
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string Reason { get; set; } = "";
    public int FromPercent { get; set; }
    public int ToPercent { get; set; }
    public int FromOnlineQuota { get; set; }
    public int ToOnlineQuota { get; set; }
    public int OnlineTarget { get; set; }
    public long Sequence { get; set; }
}
