using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Clerk;

/// <summary>
/// The window finds a patient (outpatient number, document number, phone or name) and registers
/// one who has no card yet. Searches are posted, never put in the address: an ID number or phone
/// in a URL ends up in browser histories and logs.
/// </summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class PatientsModel(IGrainFactory grains) : HospitalPageModel
{
    private const int MostShown = 50;

    [BindProperty]
    public string? Query { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? DocumentType { get; set; }

    [BindProperty]
    public string? DocumentNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    /// <summary>The cards found (masked); null before any search.</summary>
    public IReadOnlyList<PatientCardView>? Matches { get; private set; }

    /// <summary>The person registered already: their cards, to pick from.</summary>
    public IReadOnlyList<PatientCardView>? Existing { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync()
    {
        var query = Query?.Trim();
        Query = null; // not echoed: it may be an ID number or a phone
        if (string.IsNullOrEmpty(query) || query.Length > 64) return Fail(T.LookupRequired, StatusCodes.Status400BadRequest);
        var numbers = await grains.GetGrain<IPatientRegistryGrain>(0).LookupAsync(query);
        Matches = await CardsAsync(numbers);
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        if (!Enum.TryParse<DocumentType>(DocumentType, out var type) || !Enum.IsDefined(type))
            return Fail(T.Invalid, StatusCodes.Status400BadRequest);
        var claim = new IdentityClaim(Name ?? "", type, DocumentNumber ?? "", Phone);
        var result = await grains.GetGrain<IPatientRegistryGrain>(0).RegisterAtWindowAsync(claim, User.Name());
        switch (result.Outcome)
        {
            case LookupOutcome.Bound when result.BoundNumber is { } number:
                Notice = T.RegisteredNew(number);
                return Redirect($"/clerk/patients/{number}");
            case LookupOutcome.Found:
                Name = DocumentNumber = Phone = null;
                Existing = await CardsAsync(result.OutpatientNumbers);
                return Page();
            default:
                var message = (T.IsEnglish ? result.MessageEn : result.Message) is { Length: > 0 } text ? text : T.Invalid;
                return Fail(message, result.Outcome == LookupOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict);
        }
    }

    private async Task<IReadOnlyList<PatientCardView>> CardsAsync(IEnumerable<string> numbers) =>
        await Task.WhenAll(numbers.Take(MostShown).Select(n => grains.Patient(n).GetCardAsync()));
}
