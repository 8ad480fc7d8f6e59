using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Pools;

namespace HospitalOrleans.Grains.Pools;

/// <summary>Maps the pool's domain state and decisions to the contracts callers receive.</summary>
internal static class PoolViews
{
    public static PoolView ToView(this NumberPool pool)
    {
        var definition = pool.State.Definition!;
        var periods = definition.Periods
            .Select((period, index) => new PeriodView(
                period.Start,
                period.End,
                period.Capacity,
                pool.State.Slots.Count(s => s.IsFree && s.PeriodIndex == index && s.Channel == Channel.Online),
                pool.State.Slots.Count(s => s.IsFree && s.PeriodIndex == index && s.Channel == Channel.Window)))
            .ToList();
        return new PoolView(
            definition.PoolId,
            definition.DoctorId,
            definition.DepartmentId,
            definition.Date,
            SessionHours.Code(definition.Session),
            definition.FeeFen,
            pool.Total,
            pool.State.OnlinePercent,
            pool.QuotaOf(Channel.Online),
            pool.QuotaOf(Channel.Window),
            pool.RemainingOf(Channel.Online),
            pool.RemainingOf(Channel.Window),
            pool.IssuedOf(Channel.Online),
            pool.IssuedOf(Channel.Window),
            pool.State.CutoffApplied || pool.OnlineOverTarget,
            definition.ReleaseAt,
            definition.OnlineCutoff,
            definition.SessionEnd,
            periods);
    }

    public static BookingView ToView(this Booking booking, PoolDefinition definition)
    {
        var period = definition.Periods[booking.PeriodIndex];
        return new BookingView(
            booking.BookingId,
            definition.PoolId,
            booking.Serial,
            booking.PatientId,
            booking.Channel.ToString().ToLowerInvariant(),
            booking.Status.ToString().ToLowerInvariant(),
            definition.Date,
            SessionHours.Code(definition.Session),
            period.Start,
            period.End,
            booking.CreatedAt,
            booking.PayBy,
            definition.FeeFen,
            definition.DoctorId,
            definition.DepartmentId)
        {
            CheckedInAt = booking.CheckedInAt,
        };
    }

    public static BookingResult ToResult(this PoolDecision decision, PoolDefinition definition) =>
        decision.Rejection is { } rejection
            ? BookingResult.Failed(ToOutcome(rejection), decision.Detail ?? rejection.ToString())
            : new BookingResult(PoolOutcome.Ok, decision.Booking?.ToView(definition), null);

    public static PoolOutcome ToOutcome(Rejection rejection) => rejection switch
    {
        Rejection.SoldOut => PoolOutcome.SoldOut,
        Rejection.AlreadyBooked => PoolOutcome.AlreadyBooked,
        Rejection.NotReleased => PoolOutcome.NotReleased,
        Rejection.Closed => PoolOutcome.Closed,
        Rejection.UnknownPeriod => PoolOutcome.UnknownPeriod,
        Rejection.UnknownBooking => PoolOutcome.UnknownBooking,
        Rejection.NotOwner => PoolOutcome.NotOwner,
        Rejection.NotLive => PoolOutcome.NotLive,
        Rejection.RequestIdReused => PoolOutcome.RequestIdReused,
        Rejection.Invalid => PoolOutcome.Invalid,
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, "Unmapped pool rejection."),
    };
}
