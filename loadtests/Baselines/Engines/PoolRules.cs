namespace HospitalOrleans.Baselines.Engines;

/// <summary>
/// The platform's number rules that every baseline must reproduce exactly (src/Domain/Pools/NumberPool.cs):
/// how many numbers a share means, which serials are online, which free numbers a ratio change moves.
/// </summary>
public static class PoolRules
{
    /// <summary>Numbers the online channel should hold: total × percent / 100, rounded half away from zero.</summary>
    public static int TargetFor(int total, int percent) => (total * percent + 50) / 100;

    /// <summary>Bresenham spread: number i (0-based) is online when (i+1)·target/total passes i·target/total.</summary>
    public static IReadOnlyList<int> OnlineSerials(int total, int target)
    {
        var serials = new List<int>(target);
        for (var i = 0; i < total; i++)
            if ((long)(i + 1) * target / total > (long)i * target / total)
                serials.Add(i + 1);
        return serials;
    }

    /// <summary>
    /// Which free numbers change channel so that online holds <paramref name="percent"/> of the pool. Issued
    /// numbers never move: when online has issued more than the new share, every free online number moves to
    /// the window and online stays over target (closed) — as the platform does.
    /// </summary>
    public static RatioPlan PlanRatio(int total, int onlineQuota, IReadOnlyList<int> freeOnline, IReadOnlyList<int> freeWindow, int percent)
    {
        var target = TargetFor(total, percent);
        var difference = target - onlineQuota;
        var toOnline = difference > 0 ? EvenlySpaced(freeWindow, difference) : [];
        var toWindow = difference < 0 ? EvenlySpaced(freeOnline, -difference) : [];
        return new RatioPlan(percent, target, onlineQuota + toOnline.Count - toWindow.Count, toOnline, toWindow);
    }

    /// <summary>Evenly spaced picks among the free numbers (sorted by serial), so every period keeps both channels.</summary>
    private static IReadOnlyList<int> EvenlySpaced(IReadOnlyList<int> free, int count)
    {
        var take = Math.Min(count, free.Count);
        var picks = new List<int>(take);
        for (var j = 0; j < take; j++)
            picks.Add(free[(int)((j + 0.5) * free.Count / take)]);
        return picks;
    }
}

/// <summary>A ratio change decided: the new share and target, online's new quota, the serials that move.</summary>
public sealed record RatioPlan(int Percent, int Target, int OnlineQuota, IReadOnlyList<int> ToOnline, IReadOnlyList<int> ToWindow);
