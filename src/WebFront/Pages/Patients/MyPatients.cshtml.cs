using System.Globalization;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Patients.Privacy;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// The account's patients (就诊人): bind a card (choosing among the person's outpatient numbers
/// when the hospital holds several), bind a child under a guardian, act as one of them, set the
/// default, unbind. The same rules as <see cref="MyPatientsApi"/>: the registry and the account
/// grain decide, this page only asks and shows.
/// </summary>
[Authorize(Policy = Policies.Patient)]
public sealed class MyPatientsModel(IGrainFactory grains, IConfiguration configuration, HospitalClock clock) : HospitalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? DocumentType { get; set; }

    /// <summary>As typed; sent back only in the hidden fields of the choose-number step, or in the form after a refusal.</summary>
    [BindProperty]
    public string? DocumentNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Relationship { get; set; }

    [BindProperty]
    public bool MakeDefault { get; set; }

    [BindProperty]
    public string? ChosenNumber { get; set; }

    /// <summary>Set by the choose-number step's form, so an empty choice is told apart from a first try.</summary>
    [BindProperty]
    public bool Choosing { get; set; }

    [BindProperty]
    public string? ChildName { get; set; }

    [BindProperty]
    public string? BirthDate { get; set; }

    [BindProperty]
    public string? Sex { get; set; }

    [BindProperty]
    public string? GuardianNumber { get; set; }

    public IReadOnlyList<FamilyMember> Family { get; private set; } = [];

    public int MaxPatients => configuration.GetValue(
        $"{PatientDataOptions.Section}:{nameof(PatientDataOptions.MaxPatientsPerAccount)}", new PatientDataOptions().MaxPatientsPerAccount);

    /// <summary>Cards are bound to a WeChat account; a demo sign-in by patient id has none.</summary>
    public bool HasWeChat => User.OpenId() is not null;

    /// <summary>The person's outpatient numbers when the registry asked which one to bind.</summary>
    public IReadOnlyList<string> Choices { get; private set; } = [];

    /// <summary>What was typed, masked, for the choose-number step.</summary>
    public (string Name, string Document, string? Phone) Typed { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostBindAsync()
    {
        if (User.OpenId() is not { } openId) return await FailAsync(T.WeChatOnlyCards, StatusCodes.Status403Forbidden);
        if (!Enum.TryParse<DocumentType>(DocumentType, out var type) || !Enum.IsDefined(type)
            || !Enum.TryParse<Relationship>(Relationship ?? nameof(Domain.Patients.Relationship.Self), out var relationship) || !Enum.IsDefined(relationship)
            || (ChosenNumber is not null && !OutpatientNumberFormat.IsWellFormed(ChosenNumber)))
            return await FailAsync(T.Invalid, StatusCodes.Status400BadRequest);

        var claim = new IdentityClaim(Name ?? "", type, DocumentNumber ?? "", Phone);
        var result = await grains.GetGrain<IPatientRegistryGrain>(0).BindAsync(claim, ChosenNumber, openId, relationship, MakeDefault);
        switch (result.Outcome)
        {
            case LookupOutcome.Bound:
                return await BoundAsync(result, openId);
            case LookupOutcome.ChooseNumber:
                Choices = result.OutpatientNumbers;
                Typed = Masked(type);
                await LoadAsync();
                if (Choosing) return Fail(T.ChooseNumberRequired, StatusCodes.Status400BadRequest);
                return Page();
            default:
                return await FailAsync(MessageOf(result), StatusOf(result.Outcome));
        }
    }

    public async Task<IActionResult> OnPostChildAsync()
    {
        if (User.OpenId() is not { } openId) return await FailAsync(T.WeChatOnlyCards, StatusCodes.Status403Forbidden);
        if (!DateOnly.TryParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || Sex is not ("M" or "F") || !OutpatientNumberFormat.IsWellFormed(GuardianNumber))
            return await FailAsync(T.Invalid, StatusCodes.Status400BadRequest);
        var result = await grains.GetGrain<IPatientRegistryGrain>(0).BindChildAsync(ChildName ?? "", birthDate, Sex, GuardianNumber!, openId);
        return result.Outcome == LookupOutcome.Bound
            ? await BoundAsync(result, openId)
            : await FailAsync(MessageOf(result), StatusOf(result.Outcome));
    }

    /// <summary>The session acts for this family member from now on: the pages book and list for them.</summary>
    public async Task<IActionResult> OnPostActAsync(string? number)
    {
        if (User.OpenId() is not { } openId) return await FailAsync(T.WeChatOnlyCards, StatusCodes.Status403Forbidden);
        if (string.IsNullOrEmpty(number) || !await grains.WeChatUser(openId).ManagesAsync(number))
            return await FailAsync(T.UnknownPatient, StatusCodes.Status404NotFound);
        await MyPatientsApi.SignInAsAsync(HttpContext, number, openId, User);
        var card = await grains.Patient(number).GetCardAsync();
        Notice = T.ActingFor(card.Registered && card.MaskedName.Length > 0 ? card.MaskedName : number);
        return Redirect(LocalOr(ReturnUrl, "/me/patients"));
    }

    public async Task<IActionResult> OnPostDefaultAsync(string? number)
    {
        if (User.OpenId() is not { } openId) return await FailAsync(T.WeChatOnlyCards, StatusCodes.Status403Forbidden);
        if (string.IsNullOrEmpty(number) || !await grains.WeChatUser(openId).SetDefaultPatientAsync(number))
            return await FailAsync(T.UnknownPatient, StatusCodes.Status404NotFound);
        Notice = T.DefaultSet;
        return RedirectToPage(new { returnUrl = ReturnUrl });
    }

    public async Task<IActionResult> OnPostUnbindAsync(string? number)
    {
        if (User.OpenId() is not { } openId) return await FailAsync(T.WeChatOnlyCards, StatusCodes.Status403Forbidden);
        var account = grains.WeChatUser(openId);
        if (string.IsNullOrEmpty(number) || !await account.RemovePatientAsync(number))
            return await FailAsync(T.UnknownPatient, StatusCodes.Status404NotFound);
        await grains.Patient(number).UnlinkWeChatAsync(openId);
        if (User.PatientId() == number)
        {
            // The session acted for the card just unbound: it now acts for the default, if any is left.
            var next = (await account.GetPatientsAsync()).FirstOrDefault(p => p.IsDefault)?.OutpatientNumber;
            await MyPatientsApi.SignInAsAsync(HttpContext, next, openId, User);
        }
        Notice = T.Unbound;
        return RedirectToPage(new { returnUrl = ReturnUrl });
    }

    /// <summary>
    /// The first card bound becomes the one the session acts for, and the visitor goes on to where
    /// they were going. A later card stays here, so the visitor can act for that family member first.
    /// </summary>
    private async Task<IActionResult> BoundAsync(BindingResult result, string openId)
    {
        Notice = T.BoundNotice(result.BoundNumber ?? "");
        if (User.PatientId() is not null) return RedirectToPage(new { returnUrl = ReturnUrl });
        await MyPatientsApi.SignInAsAsync(HttpContext, result.BoundNumber, openId, User);
        return Redirect(LocalOr(ReturnUrl, "/me/patients"));
    }

    private async Task<IActionResult> FailAsync(string message, int statusCode)
    {
        await LoadAsync();
        return Fail(message, statusCode);
    }

    private async Task LoadAsync() => Family = await FamilyMember.ReadAsync(grains, User);

    private string MessageOf(BindingResult result) =>
        (T.IsEnglish ? result.MessageEn : result.Message) is { Length: > 0 } message ? message : T.Invalid;

    private static int StatusOf(LookupOutcome outcome) => outcome switch
    {
        LookupOutcome.NameMismatch or LookupOutcome.PhoneMismatch or LookupOutcome.TooManyPatients => StatusCodes.Status409Conflict,
        LookupOutcome.NotTheirs => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private (string Name, string Document, string? Phone) Masked(DocumentType type)
    {
        var name = PersonNames.Check(Name);
        var document = IdentityDocuments.Check(type, DocumentNumber, HospitalTime.Today(clock.Now));
        var phone = MobilePhones.Check(Phone);
        return (Masking.Name(name.Normalized ?? ""), Masking.Document(document.Normalized ?? ""),
            phone.Normalized is { } digits ? Masking.Phone(digits) : null);
    }
}
