using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Billing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// Paying a bill with WeChat Pay: the items and total, and the pay button. Opening the page opens
/// (or reuses, while it is open) the bill's WeChat Pay order; paying happens in WeChat's cashier.
/// </summary>
[Authorize(Policy = Policies.Patient)]
public sealed class CheckoutModel(PaymentCheckout payments) : HospitalPageModel
{
    public static string PathOf(string invoiceId) => $"/checkout/{Uri.EscapeDataString(invoiceId)}";

    public Checkout? Order { get; private set; }

    public async Task<IActionResult> OnGetAsync(string invoiceId)
    {
        var order = await payments.ForBillAsync(User, invoiceId);
        if (order.Invoice is not { } invoice) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        if (order.Reason == "paid")
        {
            Notice = T.AlreadyPaid;
            return Redirect(Checkout.ResultPath(invoice.InvoiceId));
        }
        Order = order;
        if (order.Ready) return Page();
        return Fail(T.Worded(order.Detail, order.DetailEn), Outcomes.StatusCode(order.Reason ?? "provider"));
    }
}
