using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Pages.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Clerk;

/// <summary>The receipt handed over the counter after a payment or refund: print-friendly, with who printed it and when.</summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class ReceiptModel(IGrainFactory grains, HospitalClock clock) : HospitalPageModel
{
    public Invoice? Invoice { get; private set; }

    public string PatientName { get; private set; } = "";

    public DateTimeOffset PrintedAt { get; private set; }

    public string Clerk => User.FindFirst("display_name")?.Value ?? User.Name();

    public async Task<IActionResult> OnGetAsync(string invoiceId)
    {
        if (!InvoiceIds.IsValid(invoiceId)) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        Invoice = await grains.GetGrain<IInvoiceGrain>(invoiceId).GetAsync();
        if (Invoice is null) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        PatientName = FamilyMember.NameOf(await grains.Patient(Invoice.PatientId).GetCardAsync());
        PrintedAt = clock.Now;
        return Page();
    }
}
