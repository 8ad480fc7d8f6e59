using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Billing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// Where the consultation room's QR code leads (in WeChat, after sign-in): the bill's items and
/// total, for a patient the account manages only, and the way to pay it. A changed link, an expired
/// one and another account's bill each get a plain message and show nothing of the bill.
/// </summary>
[Authorize(Policy = Policies.Patient)]
public sealed class ScanToPayModel(IGrainFactory grains, IOptions<BillTokenOptions> tokens, HospitalClock clock) : HospitalPageModel
{
    public Invoice? Invoice { get; private set; }

    public string PatientName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var check = BillToken.Verify(token, tokens.Value.Key()!, clock.Now);
        if (check.Status == BillTokenStatus.Expired) return Fail(T.BillTokenExpired, StatusCodes.Status410Gone);
        if (!check.IsValid) return Fail(T.BillTokenInvalid, StatusCodes.Status400BadRequest);
        var invoice = await grains.GetGrain<IInvoiceGrain>(check.InvoiceId).GetAsync();
        if (invoice is null || !await User.CanActForAsync(invoice.PatientId, grains)) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        PatientName = FamilyMember.NameOf(await grains.Patient(invoice.PatientId).GetCardAsync());
        Invoice = invoice;
        return Page();
    }
}
