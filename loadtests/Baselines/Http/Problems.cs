using HospitalOrleans.Baselines.Engines;

namespace HospitalOrleans.Baselines.Http;

/// <summary>The one place where engine outcomes become HTTP answers: the platform's problem details (src/WebFront/Http/Problems.cs).</summary>
public static class Problems
{
    public static IResult For(BookingOutcome outcome) => outcome switch
    {
        BookingOutcome.SoldOut => Conflict("sold-out", "Sold out", "No number left in this channel."),
        BookingOutcome.AlreadyBooked => Conflict("already-booked", "Already booked", "The patient already holds a number in this session."),
        BookingOutcome.Closed => Conflict("closed", "Closed", "Online numbers are closed after a ratio change until cancellations bring them under the new share."),
        BookingOutcome.RequestIdReused => Conflict("request-id-reused", "Request id already used", "This request id was already used for another booking."),
        BookingOutcome.UnknownPool => NotFound("No such pool", "The store holds no such clinic."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only failures map to problems."),
    };

    public static IResult Conflict(string reason, string title, string? detail) =>
        Problem(StatusCodes.Status409Conflict, reason, title, detail);

    public static IResult NotFound(string title, string? detail) =>
        Problem(StatusCodes.Status404NotFound, "not-found", title, detail);

    public static IResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "invalid", "Invalid request", detail);

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid request", extensions: new Dictionary<string, object?> { ["reason"] = "invalid" });

    public static IResult Problem(int status, string reason, string title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["reason"] = reason });
}
