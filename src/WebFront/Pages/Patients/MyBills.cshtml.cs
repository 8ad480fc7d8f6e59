using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// Cost details (费用明细): every bill of the current patient, or of a family member the account
/// manages (<c>?patientId=</c>), newest first, with what was paid and refunded.
/// </summary>
[Authorize(Policy = Policies.Patient)]
public sealed class MyBillsModel(IGrainFactory grains) : HospitalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? PatientId { get; set; }

    public PatientChoice Choice { get; private set; } = new([], null);

    public IReadOnlyList<Invoice> Bills { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PatientChoice.ReadAsync(grains, User, PatientId) is not { } choice) return Fail(T.UnknownPatient, StatusCodes.Status404NotFound);
        Choice = choice;
        if (choice.Whose is null) return Page();
        var bills = await InvoiceReader.ReadAsync(grains, await grains.Patient(choice.Whose).GetInvoiceIdsAsync());
        Bills = bills.OrderByDescending(i => i.CreatedAt).ToList();
        return Page();
    }
}
