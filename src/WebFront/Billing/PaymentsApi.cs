using System.Security.Claims;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using HospitalOrleans.Domain.Billing;

namespace HospitalOrleans.WebFront.Billing;

/// <summary>
/// Paying from the phone: a WeChat Pay order for a held booking's registration fee or for a bill
/// opened from its QR code (the answer carries the signed <c>getBrandWCPayRequest</c> arguments),
/// and asking WeChat Pay how a bill stands when the patient says they paid.
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Payments").RequireAuthorization(Policies.Patient);
        api.MapPost("/bookings/{bookingId}/payment", PayBooking).WithName("PayBooking");
        api.MapPost("/bills/{invoiceId}/payment", PayBill).WithName("PayBill");
        api.MapPost("/me/bills/{invoiceId}/check", Check).WithName("CheckBill");
        routes.MapPayNotifyApi();
        return routes;
    }

    public static async Task<IResult> PayBooking(string bookingId, ClaimsPrincipal user, PaymentCheckout checkout) =>
        Answer(await checkout.ForBookingAsync(user, bookingId));

    public static async Task<IResult> PayBill(string invoiceId, ClaimsPrincipal user, PaymentCheckout checkout) =>
        Answer(await checkout.ForBillAsync(user, invoiceId));

    /// <summary>The bill after asking WeChat Pay about its open order and pending refunds (a notification may be late).</summary>
    public static async Task<IResult> Check(string invoiceId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!InvoiceIds.IsValid(invoiceId)) return NoSuchBill();
        var bill = grains.GetGrain<IInvoiceGrain>(invoiceId);
        if (await bill.GetAsync() is not { } invoice || !await user.CanActForAsync(invoice.PatientId, grains)) return NoSuchBill();
        return TypedResults.Ok(BillView.Of((await bill.CheckWithProviderAsync())!));
    }

    private static IResult Answer(Checkout checkout)
    {
        if (checkout.Ready)
            return TypedResults.Ok(new PaymentOrder(checkout.Invoice!.InvoiceId, checkout.Start!.OutTradeNo!, checkout.Start.ExpiresAt!.Value,
                checkout.Start.AmountFen, checkout.Bridge!, checkout.CashierUrl, Checkout.ResultPath(checkout.Invoice.InvoiceId)));
        return Problems.Problem(ProblemCodes.StatusOf(checkout.Reason!), checkout.Reason!, checkout.Detail, checkout.DetailEn);
    }

    private static IResult NoSuchBill() => Problems.NotFound("No such bill", "No bill for your patients with this id.");
}

/// <summary>A WeChat Pay order ready to pay: <see cref="Bridge"/> goes to <c>getBrandWCPayRequest</c>; outside WeChat, <see cref="CashierUrl"/> (the simulator).</summary>
public sealed record PaymentOrder(string InvoiceId, string OutTradeNo, DateTimeOffset ExpiresAt, long AmountFen,
    HospitalOrleans.WeChat.Pay.JsapiPayParameters Bridge, string? CashierUrl, string ResultPath);
