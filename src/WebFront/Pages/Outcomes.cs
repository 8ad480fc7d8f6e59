using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Http;
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
    CheckIn,
}

/// <summary>The one place where pool outcomes become page messages and status codes.</summary>
public static class Outcomes
{
    public static int StatusCode(PoolOutcome outcome) => outcome switch
    {
        PoolOutcome.SoldOut or PoolOutcome.AlreadyBooked or PoolOutcome.NotReleased or PoolOutcome.Closed
            or PoolOutcome.NotLive or PoolOutcome.RequestIdReused => StatusCodes.Status409Conflict,
        PoolOutcome.DoctorDayTaken or PoolOutcome.DepartmentSessionTaken or PoolOutcome.WeeklyCapReached
            or PoolOutcome.MonthlyCapReached or PoolOutcome.Suspended => StatusCodes.Status409Conflict,
        PoolOutcome.UnknownPeriod or PoolOutcome.Invalid => StatusCodes.Status400BadRequest,
        PoolOutcome.UnknownPool or PoolOutcome.UnknownBooking or PoolOutcome.NotOwner => StatusCodes.Status404NotFound,
        PoolOutcome.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only failures have a page message."),
    };

    /// <summary>
    /// The status of a money step the billing services refused (a checkout, a cancellation), by their
    /// reason code; the page shows their own sentence (<c>Detail</c> or <c>DetailEn</c>) with it.
    /// </summary>
    public static int StatusCode(string reason) =>
        reason == "no-openid" ? StatusCodes.Status403Forbidden : ProblemCodes.StatusOf(reason);

    /// <summary>
    /// The message for a refused booking. The fairness rules already word their refusal for the
    /// patient, with the limits as configured (<see cref="BookingResult.Detail"/> in Chinese,
    /// <see cref="BookingResult.DetailEn"/> in English), so the patient gets that sentence; a
    /// suspension is worded here, with its end date.
    /// </summary>
    public static string Message(Texts t, BookingResult result, PageAction action, DateTimeOffset? releaseAt = null) =>
        result.Outcome switch
        {
            PoolOutcome.DoctorDayTaken or PoolOutcome.DepartmentSessionTaken or PoolOutcome.WeeklyCapReached or PoolOutcome.MonthlyCapReached
                when action == PageAction.Book && (t.IsEnglish ? result.DetailEn : result.Detail) is { Length: > 0 } worded => worded,
            PoolOutcome.Suspended when result.Until is { } until => t.Suspended(t.LongDate(until)),
            _ => Message(t, result.Outcome, action, releaseAt),
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
            PageAction.CheckIn => t.CheckInClosed,
            _ => t.BookingClosed,
        },
        PoolOutcome.NotLive => action == PageAction.CheckIn ? t.CheckInNotLive : t.NotLive,
        PoolOutcome.RequestIdReused => t.RequestIdReused,
        PoolOutcome.UnknownPeriod => t.UnknownPeriod,
        PoolOutcome.Invalid => t.Invalid,
        PoolOutcome.UnknownPool => t.UnknownPool,
        PoolOutcome.UnknownBooking or PoolOutcome.NotOwner => action == PageAction.CheckIn ? t.KioskUnknown : t.UnknownBooking,
        PoolOutcome.Unavailable => t.Unavailable,
        PoolOutcome.DoctorDayTaken => action == PageAction.Draw ? t.PatientDoctorDayTaken : t.DoctorDayTaken,
        PoolOutcome.DepartmentSessionTaken => action == PageAction.Draw ? t.PatientDepartmentSessionTaken : t.DepartmentSessionTaken,
        PoolOutcome.WeeklyCapReached => t.WeeklyCapReached,
        PoolOutcome.MonthlyCapReached => t.MonthlyCapReached,
        PoolOutcome.Suspended => t.SuspendedNoDate,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only failures have a page message."),
    };
}
