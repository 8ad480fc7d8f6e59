using HospitalOrleans.GrainInterfaces.Pools;

namespace HospitalOrleans.WebFront.Http;

/// <summary>The <c>reason</c> code a pool's refusal carries in problem details (the same as <see cref="Problems.For"/> sends).</summary>
public static class ProblemCodes
{
    public static string Of(PoolOutcome outcome) => outcome switch
    {
        PoolOutcome.NotLive => "not-live",
        PoolOutcome.Closed => "closed",
        PoolOutcome.UnknownBooking or PoolOutcome.UnknownPool => "not-found",
        PoolOutcome.NotOwner => "not-owner",
        PoolOutcome.Unavailable => "unavailable",
        PoolOutcome.Invalid => "invalid",
        _ => "refused",
    };

    /// <summary>The HTTP status for the reason code of a refused cancellation or checkout.</summary>
    public static int StatusOf(string reason) => reason switch
    {
        "not-found" => StatusCodes.Status404NotFound,
        "expired" => StatusCodes.Status410Gone,
        "provider" or "wechat-pay-off" => StatusCodes.Status503ServiceUnavailable,
        "not-owner" => StatusCodes.Status403Forbidden,
        "invalid" => StatusCodes.Status400BadRequest,
        "unavailable" => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status409Conflict,
    };
}
