using System.Security.Claims;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Billing;
using HospitalOrleans.WeChat.Pay;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.Billing;

/// <summary>
/// What the pages and the API share for paying and cancelling: checks that the signed-in account
/// manages the bill's patient, asks the invoice grain for a WeChat Pay order, and signs the
/// arguments of <c>getBrandWCPayRequest</c> with the merchant key (the key never leaves the front
/// and silos). Outside WeChat (a browser against the simulator) the page goes to the simulator's
/// cashier instead: <see cref="Checkout.CashierUrl"/>.
/// </summary>
public sealed class PaymentCheckout(IGrainFactory grains, WeChatPayGateway pay, IOptions<CheckoutOptions> options)
{
    /// <summary>Pays the registration fee of a held booking of a patient the account manages.</summary>
    public async Task<Checkout> ForBookingAsync(ClaimsPrincipal user, string? bookingId)
    {
        if (!BookingId.TryParse(bookingId, out var id)) return Checkout.Refused("not-found", "没有这个预约。", "No such booking.");
        var booking = await grains.Pool(id.Pool.ToString()).GetBookingAsync(bookingId!);
        if (booking is null || !await user.CanActForAsync(booking.PatientId, grains))
            return Checkout.Refused("not-found", "没有这个预约。", "No such booking.");
        var invoice = await grains.GetGrain<IInvoiceGrain>(RegistrationInvoices.IdFor(bookingId!)).EnsureRegistrationAsync(bookingId!);
        if (invoice is null) return Checkout.Refused("not-payable", "该预约无需在线支付。", "This booking is not paid online.");
        return await StartAsync(user, invoice);
    }

    /// <summary>Pays a bill (a consultation-room bill opened from its QR code) of a patient the account manages.</summary>
    public async Task<Checkout> ForBillAsync(ClaimsPrincipal user, string? invoiceId)
    {
        if (!InvoiceIds.IsValid(invoiceId)) return Checkout.Refused("not-found", "没有这张账单。", "No such bill.");
        var invoice = await grains.GetGrain<IInvoiceGrain>(invoiceId!).GetAsync();
        if (invoice is null || !await user.CanActForAsync(invoice.PatientId, grains))
            return Checkout.Refused("not-found", "没有这张账单。", "No such bill.");
        return await StartAsync(user, invoice);
    }

    /// <summary>
    /// Cancels a booking for a patient (the account managing them) or a clerk (<paramref name="staff"/>):
    /// an online booking with a registration bill goes through the bill (refund rules, order closed,
    /// number returned); any other straight to its pool. <see cref="RegistrationCancellation.Reason"/>
    /// uses the API's problem codes (not-found, not-live, closed, refund-not-allowed, unavailable …).
    /// </summary>
    public async Task<RegistrationCancellation> CancelBookingAsync(ClaimsPrincipal user, string? bookingId, bool staff = false)
    {
        var unknown = new RegistrationCancellation("not-found", "没有这个预约。", "No such booking.");
        if (!BookingId.TryParse(bookingId, out var id)) return unknown;
        var pool = grains.Pool(id.Pool.ToString());
        var booking = await pool.GetBookingAsync(bookingId!);
        if (booking is null || (!staff && !await user.CanActForAsync(booking.PatientId, grains))) return unknown;

        var bill = grains.GetGrain<IInvoiceGrain>(RegistrationInvoices.IdFor(bookingId!));
        var cancellation = staff
            ? await bill.CancelRegistrationAsync(RefundChannel.Window, user.Name(), "窗口取消预约 / cancelled at the window", null)
            : await bill.CancelRegistrationAsync(RefundChannel.Phone, booking.PatientId, "患者在线取消预约 / cancelled online by the patient", booking.PatientId);
        if (cancellation.Reason != "no-bill") return cancellation;

        // No registration bill: a window number, or a held one whose payment never started.
        var result = await pool.CancelAsync(new CancelBooking(bookingId!, staff ? user.Name() : booking.PatientId, staff));
        return result.Outcome switch
        {
            PoolOutcome.Ok => new RegistrationCancellation(null, "预约已取消，号源已退回。", "The booking is cancelled and the number went back."),
            PoolOutcome.NotOwner or PoolOutcome.UnknownBooking => unknown,
            _ => new RegistrationCancellation(ProblemCodes.Of(result.Outcome), result.Detail ?? "不能取消。", result.Detail ?? "It cannot be cancelled."),
        };
    }

    private async Task<Checkout> StartAsync(ClaimsPrincipal user, Invoice invoice)
    {
        if (invoice.Status == InvoiceStatus.Paid || invoice.Status == InvoiceStatus.PartlyRefunded || invoice.Status == InvoiceStatus.Refunded)
            return Checkout.Refused("paid", "该账单已支付。", "This bill is already paid.") with { Invoice = invoice };
        if (!pay.Enabled || pay.Client is null)
            return Checkout.Refused("wechat-pay-off", "本院暂未开通微信支付，请到收费窗口缴费。", "WeChat Pay is not available; please pay at a payment window.") with { Invoice = invoice };
        if (user.OpenId() is not { } openId)
            return Checkout.Refused("no-openid", "请在微信中打开本页面以使用微信支付。", "Open this page in WeChat to pay with WeChat Pay.") with { Invoice = invoice };
        var started = await grains.GetGrain<IInvoiceGrain>(invoice.InvoiceId).StartWeChatPaymentAsync(openId, user.Name());
        if (!started.Started) return Checkout.Refused(started.Reason ?? "provider", started.Detail, started.DetailEn) with { Invoice = invoice };
        var cashier = options.Value.CashierUrl is { Length: > 0 } template
            ? template.Replace("{prepayId}", Uri.EscapeDataString(started.PrepayId!), StringComparison.Ordinal)
              + (template.Contains('?') ? "&" : "?") + "return=" + Uri.EscapeDataString(options.Value.ReturnBaseUrl.TrimEnd('/') + Checkout.ResultPath(invoice.InvoiceId))
            : null;
        return new Checkout(null, started.Detail, started.DetailEn)
        {
            Invoice = invoice,
            Start = started,
            Bridge = pay.Client.PayParameters(started.PrepayId!),
            CashierUrl = cashier,
        };
    }
}

/// <summary>A WeChat Pay checkout ready for the page, or why there is none.</summary>
/// <param name="Reason">Null when ready; otherwise not-found, not-payable, paid, wechat-pay-off, no-openid, expired, provider …</param>
public sealed record Checkout(string? Reason, string Detail, string DetailEn)
{
    public Invoice? Invoice { get; init; }
    public WeChatPaymentStart? Start { get; init; }
    /// <summary>The arguments of <c>WeixinJSBridge.invoke('getBrandWCPayRequest', …)</c>, signed.</summary>
    public JsapiPayParameters? Bridge { get; init; }
    /// <summary>The simulator's cashier page for this order (only when <c>WeChatPay:CashierUrl</c> is set, i.e. not against WeChat).</summary>
    public string? CashierUrl { get; init; }

    public bool Ready => Reason is null && Bridge is not null;

    /// <summary>Where the patient lands after paying: the bill, which asks WeChat Pay if the notification is late.</summary>
    public static string ResultPath(string invoiceId) => $"/me/bills/{Uri.EscapeDataString(invoiceId)}";

    public static Checkout Refused(string reason, string detail, string detailEn) => new(reason, detail, detailEn);
}

/// <summary>
/// Section <c>WeChatPay</c> as the front reads it. <see cref="CashierUrl"/> is for the local WeChat
/// simulator only: a browser that is not WeChat has no JS bridge, so the page links to the
/// simulator's cashier (<c>http://127.0.0.1:5090/sim/pay/{prepayId}</c>).
/// </summary>
public sealed class CheckoutOptions
{
    public string? CashierUrl { get; set; }

    /// <summary>The platform's public address the cashier sends the patient back to (defaults to <c>WeChat:PublicBaseUrl</c>).</summary>
    public string ReturnBaseUrl { get; set; } = "";
}
