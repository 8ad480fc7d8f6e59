using System.Security.Claims;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>
/// The window's side of patients: find a patient (outpatient number, ID number, phone or name),
/// register one who has no card, see the booking record, lift a no-show suspension, read the full
/// personal data (audited), and check patients in. A kiosk checks in with number and booking.
/// </summary>
public static class PatientRecordsApi
{
    public static IEndpointRouteBuilder MapPatientRecordsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/patients").WithTags("Patients (window)").RequireAuthorization(Policies.Clerk);
        api.MapGet("", Find).WithName("FindPatients");
        api.MapPost("", RegisterAtWindow).WithName("RegisterPatientAtWindow");
        api.MapGet("/{outpatientNumber}", Get).WithName("GetPatient");
        api.MapPost("/{outpatientNumber}/reveal", Reveal).WithName("RevealPersonalData");
        api.MapPost("/{outpatientNumber}/lift-suspension", Lift).WithName("LiftSuspension");
        routes.MapPost("/api/bookings/{bookingId}/check-in", CheckIn).WithTags("Patients (window)").WithName("CheckIn").RequireAuthorization(Policies.Clerk);
        routes.MapPost("/api/kiosk/check-in", KioskCheckIn).WithTags("Kiosk").WithName("KioskCheckIn").RequireRateLimiting(AuthApi.SignInLimiter);
        return routes;
    }

    public static async Task<IResult> Find(string? query, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > 64)
            return Problems.Validation(new Dictionary<string, string[]> { ["query"] = ["An outpatient number, ID number, phone or name (up to 64 characters)."] });
        var numbers = await grains.GetGrain<IPatientRegistryGrain>(0).LookupAsync(query);
        var cards = await Task.WhenAll(numbers.Take(50).Select(n => grains.Patient(n).GetCardAsync()));
        return TypedResults.Ok(cards);
    }

    public static async Task<IResult> RegisterAtWindow(WindowRegistrationRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Enum.TryParse<DocumentType>(request.DocumentType, out var type) || !Enum.IsDefined(type))
            return Problems.Validation(new Dictionary<string, string[]> { ["documentType"] = [$"One of {string.Join(", ", Enum.GetNames<DocumentType>())}."] });
        var result = await grains.GetGrain<IPatientRegistryGrain>(0)
            .RegisterAtWindowAsync(new IdentityClaim(request.Name ?? "", type, request.DocumentNumber ?? "", request.Phone), user.Name());
        return result.Outcome is LookupOutcome.Bound or LookupOutcome.Found
            ? TypedResults.Ok(result)
            : TypedResults.Problem(detail: result.MessageEn, statusCode: result.Outcome == LookupOutcome.Invalid ? 400 : 409, title: result.Message,
                extensions: new Dictionary<string, object?> { ["reason"] = result.Outcome == LookupOutcome.Invalid ? "invalid" : "name-mismatch", ["message"] = result.Message });
    }

    public static async Task<IResult> Get(string outpatientNumber, IGrainFactory grains)
    {
        if (!OutpatientNumberFormat.IsWellFormed(outpatientNumber)) return NoSuchPatient(outpatientNumber);
        var patient = grains.Patient(outpatientNumber);
        var card = await patient.GetCardAsync();
        if (!card.Registered) return NoSuchPatient(outpatientNumber);
        return TypedResults.Ok(new PatientDetails(card, await patient.GetRecordAsync()));
    }

    public static async Task<IResult> Reveal(string outpatientNumber, ReasonRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Reason(request) is { } problem) return problem;
        if (!OutpatientNumberFormat.IsWellFormed(outpatientNumber)) return NoSuchPatient(outpatientNumber);
        var full = await grains.Patient(outpatientNumber).RevealAsync(user.Name(), request.Reason!.Trim());
        return full is null ? NoSuchPatient(outpatientNumber) : TypedResults.Ok(full);
    }

    public static async Task<IResult> Lift(string outpatientNumber, ReasonRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Reason(request) is { } problem) return problem;
        if (!OutpatientNumberFormat.IsWellFormed(outpatientNumber)) return NoSuchPatient(outpatientNumber);
        return await grains.Patient(outpatientNumber).LiftSuspensionAsync(user.Name(), request.Reason!.Trim())
            ? TypedResults.NoContent()
            : Problems.Conflict("not-suspended", "Not suspended", "This patient's online booking is not suspended.");
    }

    public static async Task<IResult> CheckIn(string bookingId, ClaimsPrincipal user, IGrainFactory grains) =>
        await CheckInAsync(bookingId, user.Name(), grains);

    /// <summary>The kiosk knows nobody: the outpatient number and the booking must belong together.</summary>
    public static async Task<IResult> KioskCheckIn(KioskCheckInRequest request, IGrainFactory grains)
    {
        if (!BookingId.TryParse(request.BookingId, out var id) || !OutpatientNumberFormat.IsWellFormed(request.OutpatientNumber))
            return Problems.Validation(new Dictionary<string, string[]> { ["bookingId"] = ["The booking number on the confirmation and the outpatient number."] });
        var booking = await grains.Pool(id.Pool.ToString()).GetBookingAsync(request.BookingId!);
        if (booking is null || booking.PatientId != request.OutpatientNumber)
            return Problems.NotFound("No such booking", "No booking with this number for this outpatient number.");
        return await CheckInAsync(request.BookingId!, "kiosk", grains);
    }

    private static async Task<IResult> CheckInAsync(string bookingId, string by, IGrainFactory grains)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return Problems.NotFound("No such booking", $"No booking '{bookingId}'.");
        var result = await grains.Pool(id.Pool.ToString()).CheckInAsync(bookingId, by);
        return result.Outcome == PoolOutcome.Ok ? TypedResults.Ok(result.Booking) : Problems.For(result.Outcome, result.Detail);
    }

    private static IResult? Reason(ReasonRequest request) =>
        string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 200
            ? Problems.Validation(new Dictionary<string, string[]> { ["reason"] = ["Required, up to 200 characters (it is audited)."] })
            : null;

    private static IResult NoSuchPatient(string outpatientNumber) =>
        Problems.NotFound("No such patient", $"No patient card '{outpatientNumber}'.");
}

public sealed record WindowRegistrationRequest(string? Name, string? DocumentType, string? DocumentNumber, string? Phone)
{
    public override string ToString() => "WindowRegistrationRequest(***)";
}

public sealed record ReasonRequest(string? Reason);

public sealed record KioskCheckInRequest(string? OutpatientNumber, string? BookingId);

public sealed record PatientDetails(PatientCardView Card, PatientRecordView Record);
