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

    /// <summary>
    /// From a booking call reaching its pool to the answer, the group commit included: the part of
    /// a patient's wait the platform controls. Buckets from 1 ms (a sold-out answer) to 10 s (the
    /// client's response timeout).
    /// </summary>
    public static readonly Histogram<double> BookingDuration = Meter.CreateHistogram(
        "hospital.booking.duration", unit: "ms", description: "Time a pool took to answer a booking attempt, durable write included, by channel and outcome.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] });

    /// <summary>How many decisions each group commit made durable in one write.</summary>
    public static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>(
        "hospital.pool.commit.batch", unit: "{decision}", description: "Decisions made durable by one group commit of a pool.");

    /// <summary>How long a pool's write took, journal or snapshot.</summary>
    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "hospital.pool.commit.duration", unit: "ms", description: "Duration of one group commit write of a pool.");

    /// <summary>
    /// Notices stored but not yet passed on, by stage: <c>pool</c> (a pool's outbox, not yet handed
    /// to the patient's side) and <c>wechat</c> (a WeChat user's outbox, not yet accepted by WeChat).
    /// A backlog that keeps growing means WeChat or a silo is failing; see <see cref="OutboxBacklog"/>.
    /// </summary>
    public static readonly UpDownCounter<int> OutboxBacklogSize = Meter.CreateUpDownCounter<int>(
        "hospital.outbox.backlog", unit: "{notice}", description: "Notices stored in outboxes of active grains and not yet passed on, by stage.");

    /// <summary>Pool grains active in this silo.</summary>
    public static readonly UpDownCounter<int> ActivePools = Meter.CreateUpDownCounter<int>(
        "hospital.pools.active", unit: "{pool}", description: "Pool grains active in this silo.");
}
