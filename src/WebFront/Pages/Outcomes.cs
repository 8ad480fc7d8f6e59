using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Localization;

namespace HospitalOrleans.WebFront.Pages;

/// <summary>What a person was trying to do when a pool said no; the same outcome reads differently per action.</summary>
public enum PageAction
{
    Book,
    Draw,
    Cancel,
    Pay,
    Ratio,
}

/// <summary>The one place where pool outcomes become page messages and status codes.</summary>
public static class Outcomes
{
    public static int StatusCode(PoolOutcome outcome) => outcome switch
    {
        PoolOutcome.SoldOut or PoolOutcome.AlreadyBooked or PoolOutcome.NotReleased or PoolOutcome.Closed
            or PoolOutcome.NotLive or PoolOutcome.RequestIdReused => StatusCodes.Status409Conflict,
        PoolOutcome.UnknownPeriod or PoolOutcome.Invalid => StatusCodes.Status400BadRequest,
        PoolOutcome.UnknownPool or PoolOutcome.UnknownBooking or PoolOutcome.NotOwner => StatusCodes.Status404NotFound,
        PoolOutcome.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only failures have a page message."),
    };

    public static string Message(Texts t, PoolOutcome outcome, PageAction action, DateTimeOffset? releaseAt = null) => outcome switch
    {
        PoolOutcome.SoldOut => action == PageAction.Draw ? t.WindowSoldOut : t.SoldOut,
        PoolOutcome.AlreadyBooked => action == PageAction.Draw ? t.PatientHasNumber : t.AlreadyBooked,
        PoolOutcome.NotReleased => releaseAt is { } at ? t.NotReleased(t.When(at)) : t.NotReleasedNoTime,
        PoolOutcome.Closed => action switch
        {
            PageAction.Draw => t.DrawClosed,
            PageAction.Cancel => t.CancelClosed,
            PageAction.Ratio => t.RatioClosed,
            _ => t.BookingClosed,
        },
        PoolOutcome.NotLive => t.NotLive,
        PoolOutcome.RequestIdReused => t.RequestIdReused,
        PoolOutcome.UnknownPeriod => t.UnknownPeriod,
        PoolOutcome.Invalid => t.Invalid,
        PoolOutcome.UnknownPool => t.UnknownPool,
        PoolOutcome.UnknownBooking or PoolOutcome.NotOwner => t.UnknownBooking,
        PoolOutcome.Unavailable => t.Unavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only failures have a page message."),
    };
}
