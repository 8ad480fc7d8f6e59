using System.Diagnostics.Metrics;

namespace HospitalOrleans.Grains.Telemetry;

/// <summary>
/// The platform's own metrics (System.Diagnostics.Metrics, exported for Prometheus at
/// <c>/metrics</c> by OpenTelemetry): what an operator watches on the morning of the rush.
/// Tags carry outcomes and channels only — never a patient, a booking or a pool id.
/// </summary>
public static class HospitalMetrics
{
    public const string MeterName = "HospitalOrleans";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Booking attempts answered by pools, by channel and outcome (booked, sold-out, unavailable…).</summary>
    public static readonly Counter<long> BookingAttempts = Meter.CreateCounter<long>(
        "hospital.booking.attempts", unit: "{attempt}", description: "Booking attempts answered by the pools, by channel and outcome.");

    /// <summary>How many decisions each group commit made durable in one write.</summary>
    public static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>(
        "hospital.pool.commit.batch", unit: "{decision}", description: "Decisions made durable by one group commit of a pool.");

    /// <summary>How long a pool's write took, journal or snapshot.</summary>
    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "hospital.pool.commit.duration", unit: "ms", description: "Duration of one group commit write of a pool.");

    /// <summary>Pool grains active in this silo.</summary>
    public static readonly UpDownCounter<int> ActivePools = Meter.CreateUpDownCounter<int>(
        "hospital.pools.active", unit: "{pool}", description: "Pool grains active in this silo.");
}
