using System.Security.Claims;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>
/// A WeChat account's patients (就诊人): bind a card (choosing among the person's outpatient
/// numbers), bind a child under a guardian, set the default, unbind, and act as one of them.
/// </summary>
public static class MyPatientsApi
{
    public static IEndpointRouteBuilder MapMyPatientsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/me/patients").WithTags("My patients").RequireAuthorization(Policies.Patient);
        api.MapGet("", List).WithName("MyPatients");
        api.MapPost("", Bind).WithName("BindCard");
        api.MapPost("/children", BindChild).WithName("BindChild");
        api.MapPut("/{outpatientNumber}/default", SetDefault).WithName("SetDefaultPatient");
        api.MapDelete("/{outpatientNumber}", Unbind).WithName("UnbindCard");
        api.MapPost("/{outpatientNumber}/act", Act).WithName("ActAsPatient");
        return routes;
    }

    public static async Task<IResult> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.OpenId() is not { } openId) return WeChatOnly();
        var patients = await grains.WeChatUser(openId).GetPatientsAsync();
        var cards = await Task.WhenAll(patients.Select(async p => new MyPatient(
            p.OutpatientNumber, p.Relationship.ToString(), p.IsDefault, p.OutpatientNumber == user.PatientId(),
            await grains.Patient(p.OutpatientNumber).GetCardAsync())));
        return TypedResults.Ok(cards);
    }

    public static async Task<IResult> Bind(BindCardRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (user.OpenId() is not { } openId) return WeChatOnly();
        var check = new Validation()
            .Require(Enum.TryParse<DocumentType>(request.DocumentType, out var type) && Enum.IsDefined(type), "documentType",
                $"One of {string.Join(", ", Enum.GetNames<DocumentType>())}.")
            .Require(Enum.TryParse<Relationship>(request.Relationship ?? nameof(Relationship.Self), out var relationship) && Enum.IsDefined(relationship),
                "relationship", $"One of {string.Join(", ", Enum.GetNames<Relationship>())}.")
            .Require(request.ChosenNumber is null || OutpatientNumberFormat.IsWellFormed(request.ChosenNumber), "chosenNumber", "An outpatient number.");
        if (!check.IsValid) return check.ToProblem();
        var claim = new IdentityClaim(request.Name ?? "", type, request.DocumentNumber ?? "", request.Phone);
        var result = await grains.GetGrain<IPatientRegistryGrain>(0).BindAsync(claim, request.ChosenNumber, openId, relationship, request.MakeDefault ?? false);
        return await AnswerAsync(result, user, grains, http);
    }

    public static async Task<IResult> BindChild(BindChildRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (user.OpenId() is not { } openId) return WeChatOnly();
        var check = new Validation()
            .Require(DateOnly.TryParseExact(request.BirthDate, "yyyy-MM-dd", out var birthDate), "birthDate", "Required as YYYY-MM-DD.")
            .Require(request.Sex is "M" or "F", "sex", "M or F.")
            .Require(OutpatientNumberFormat.IsWellFormed(request.GuardianNumber), "guardianNumber", "The guardian's outpatient number.");
        if (!check.IsValid) return check.ToProblem();
        var result = await grains.GetGrain<IPatientRegistryGrain>(0).BindChildAsync(request.Name ?? "", birthDate, request.Sex!, request.GuardianNumber!, openId);
        return await AnswerAsync(result, user, grains, http);
    }

    public static async Task<IResult> SetDefault(string outpatientNumber, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.OpenId() is not { } openId) return WeChatOnly();
        return await grains.WeChatUser(openId).SetDefaultPatientAsync(outpatientNumber) ? TypedResults.NoContent() : NotYours(outpatientNumber);
    }

    public static async Task<IResult> Unbind(string outpatientNumber, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (user.OpenId() is not { } openId) return WeChatOnly();
        var account = grains.WeChatUser(openId);
        if (!await account.RemovePatientAsync(outpatientNumber)) return NotYours(outpatientNumber);
        await grains.Patient(outpatientNumber).UnlinkWeChatAsync(openId);
        if (user.PatientId() == outpatientNumber)
        {
            var next = (await account.GetPatientsAsync()).FirstOrDefault(p => p.IsDefault)?.OutpatientNumber;
            await SignInAsAsync(http, next, openId, user);
        }
        return TypedResults.NoContent();
    }

    /// <summary>The session acts for another of the account's patients (pages then book and list for them).</summary>
    public static async Task<IResult> Act(string outpatientNumber, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (user.OpenId() is not { } openId) return WeChatOnly();
        if (!await grains.WeChatUser(openId).ManagesAsync(outpatientNumber)) return NotYours(outpatientNumber);
        await SignInAsAsync(http, outpatientNumber, openId, user);
        return TypedResults.NoContent();
    }

    public static Task SignInAsAsync(HttpContext http, string? patientId, string openId, ClaimsPrincipal user) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            PatientPrincipal.Create(patientId, openId, user.FindFirstValue(HospitalClaims.Nickname)));

    private static async Task<IResult> AnswerAsync(BindingResult result, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (result.Outcome == LookupOutcome.Bound)
        {
            // The first card bound becomes the one the session acts for.
            if (user.PatientId() is null) await SignInAsAsync(http, result.BoundNumber, user.OpenId()!, user);
            return TypedResults.Ok(result);
        }
        var (status, reason) = result.Outcome switch
        {
            LookupOutcome.ChooseNumber => (StatusCodes.Status409Conflict, "choose-number"),
            LookupOutcome.NameMismatch => (StatusCodes.Status409Conflict, "name-mismatch"),
            LookupOutcome.PhoneMismatch => (StatusCodes.Status409Conflict, "phone-mismatch"),
            LookupOutcome.NotTheirs => (StatusCodes.Status403Forbidden, "not-theirs"),
            LookupOutcome.TooManyPatients => (StatusCodes.Status409Conflict, "too-many-patients"),
            _ => (StatusCodes.Status400BadRequest, "invalid"),
        };
        return TypedResults.Problem(detail: result.MessageEn, statusCode: status, title: result.Message,
            extensions: new Dictionary<string, object?> { ["reason"] = reason, ["message"] = result.Message, ["outpatientNumbers"] = result.OutpatientNumbers });
    }

    private static IResult WeChatOnly() =>
        Problems.Problem(StatusCodes.Status403Forbidden, "wechat-only", "WeChat sign-in required", "Cards are bound to a WeChat account: sign in through WeChat.");

    private static IResult NotYours(string outpatientNumber) =>
        Problems.NotFound("No such patient", $"Your account does not manage '{outpatientNumber}'.");
}

public sealed record BindCardRequest(string? Name, string? DocumentType, string? DocumentNumber, string? Phone, string? Relationship, string? ChosenNumber, bool? MakeDefault)
{
    public override string ToString() => "BindCardRequest(***)";
}

public sealed record BindChildRequest(string? Name, string? BirthDate, string? Sex, string? GuardianNumber);

public sealed record MyPatient(string OutpatientNumber, string Relationship, bool IsDefault, bool Current, PatientCardView Card);
