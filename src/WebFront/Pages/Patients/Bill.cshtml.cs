using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// One bill of a patient the account manages, and where the patient lands after paying: while the
/// bill is still paying or a refund pending, WeChat Pay is asked first, so a late notification
/// never leaves the patient guessing. Anyone else's bill is not found.
/// </summary>
[Authorize(Policy = Policies.Patient)]
public sealed class BillModel(IGrainFactory grains) : HospitalPageModel
{
    public static string PathOf(string invoiceId) => Billing.Checkout.ResultPath(invoiceId);

    public Invoice? Invoice { get; private set; }

    public BillResult? Result { get; private set; }

    /// <summary>The bill's patient as the account sees them: the masked name.</summary>
    public string PatientName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string invoiceId)
    {
        if (!InvoiceIds.IsValid(invoiceId)) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        var bill = grains.GetGrain<IInvoiceGrain>(invoiceId);
        var invoice = await bill.GetAsync();
        if (invoice is null || !await User.CanActForAsync(invoice.PatientId, grains)) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        if (BillResult.WorthAskingProvider(invoice)) invoice = await bill.CheckWithProviderAsync() ?? invoice;
        PatientName = FamilyMember.NameOf(await grains.Patient(invoice.PatientId).GetCardAsync());
        Invoice = invoice;
        Result = BillResult.Of(invoice, T);
        return Page();
    }
}
