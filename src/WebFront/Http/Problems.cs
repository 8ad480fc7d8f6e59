using HospitalOrleans.GrainInterfaces.Pools;

namespace HospitalOrleans.WebFront.Http;

/// <summary>The one place where pool outcomes become HTTP answers (RFC 9457 problem details).</summary>
public static class Problems
{
    public static IResult For(PoolOutcome outcome, string? detail) => outcome switch
    {
        PoolOutcome.SoldOut => Conflict("sold-out", "Sold out", detail),
        PoolOutcome.AlreadyBooked => Conflict("already-booked", "Already booked", detail),
        PoolOutcome.NotReleased => Conflict("not-released", "Not released yet", detail),
        PoolOutcome.Closed => Conflict("closed", "Closed", detail),
        PoolOutcome.NotLive => Conflict("not-live", "Booking no longer live", detail),
        PoolOutcome.RequestIdReused => Conflict("request-id-reused", "Request id already used", detail),
        PoolOutcome.UnknownPeriod => Problem(StatusCodes.Status400BadRequest, "unknown-period", "Unknown period", detail),
        PoolOutcome.Invalid => Problem(StatusCodes.Status400BadRequest, "invalid", "Invalid request", detail),
        PoolOutcome.UnknownPool => NotFound("No such pool", detail),
        PoolOutcome.UnknownBooking => NotFound("No such booking", detail),
        PoolOutcome.NotOwner => Problem(StatusCodes.Status403Forbidden, "not-owner", "Not your booking", detail),
        PoolOutcome.Unavailable => Unavailable(detail),
        PoolOutcome.DoctorDayTaken => Conflict("doctor-day-taken", "Already booked with this doctor on this day", detail),
        PoolOutcome.DepartmentSessionTaken => Conflict("department-session-taken", "Already booked in this department in this session", detail),
        PoolOutcome.WeeklyCapReached => Conflict("weekly-cap", "Weekly online booking limit reached", detail),
        PoolOutcome.MonthlyCapReached => Conflict("monthly-cap", "Monthly online booking limit reached", detail),
        PoolOutcome.Suspended => Conflict("suspended", "Online booking suspended", detail),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only failures map to problems."),
    };

    /// <summary>Online booking suspended after no-shows: says until when (hospital time), so the patient knows.</summary>
    public static IResult Suspended(string? detail, DateTimeOffset until) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Online booking suspended",
            extensions: new Dictionary<string, object?> { ["reason"] = "suspended", ["until"] = Domain.Time.HospitalTime.ToLocal(until) });

    public static IResult Conflict(string reason, string title, string? detail) =>
        Problem(StatusCodes.Status409Conflict, reason, title, detail);

    public static IResult NotFound(string title, string? detail) =>
        Problem(StatusCodes.Status404NotFound, "not-found", title, detail);

    public static IResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "invalid", "Invalid request", detail);

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid request", extensions: new Dictionary<string, object?> { ["reason"] = "invalid" });

    /// <summary>What every 503 of the platform tells the client to wait, API and pages alike.</summary>
    public static readonly TimeSpan RetryAfterUnavailable = TimeSpan.FromSeconds(2);

    public static IResult Unavailable(string? detail) => new RetryAfter(
        RetryAfterUnavailable,
        Problem(StatusCodes.Status503ServiceUnavailable, "unavailable", "Temporarily unavailable", detail));

    public static IResult Problem(int status, string reason, string title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["reason"] = reason });

    private sealed class RetryAfter(TimeSpan wait, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
