using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Directory;

public static class PeriodPlanner
{
    /// <summary>
    /// Cuts a session into periods of equal length and spreads the numbers over them, earlier
    /// periods taking the remainder (patients prefer to come early).
    /// </summary>
    public static List<Period> Split(TimeOnly start, TimeOnly end, int periodMinutes, int capacity)
    {
        if (periodMinutes <= 0) throw new ArgumentOutOfRangeException(nameof(periodMinutes), periodMinutes, "Period length must be positive.");
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A clinic needs at least one number.");
        var count = Math.Max(1, (int)((end - start).TotalMinutes / periodMinutes));
        var periods = new List<Period>(count);
        for (var i = 0; i < count; i++)
        {
            var share = capacity / count + (i < capacity % count ? 1 : 0);
            if (share == 0) continue;
            var from = start.AddMinutes(i * periodMinutes);
            periods.Add(new Period { Start = from, End = i == count - 1 ? end : from.AddMinutes(periodMinutes), Capacity = share });
        }
        return periods;
    }
}
