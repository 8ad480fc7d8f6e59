using System.Globalization;
using System.Security.Claims;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.Grains.WeChat;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using Microsoft.Extensions.Options;
using QRCoder;

namespace HospitalOrleans.WebFront.Billing;

/// <summary>
/// Bills: the doctor's system issues one for a patient and gets a QR code whose link carries a
/// signed, expiring token (the bill's id, never its amount); the patient opens it and sees the
/// items — only for a patient their account manages; clerks take cash or card and refund at the
/// window; patients read their cost details.
/// </summary>
public static class BillsApi
{
    public static IEndpointRouteBuilder MapBillsApi(this IEndpointRouteBuilder routes)
    {
        var doctors = routes.MapGroup("/api/bills").WithTags("Bills");
        doctors.MapPost("", Issue).WithName("IssueBill").RequireAuthorization(Policies.Doctor);
        doctors.MapGet("/{invoiceId}/qrcode.png", QrCode).WithName("BillQrCode").RequireAuthorization(Policies.Doctor);
        doctors.MapGet("/{invoiceId}", Get).WithName("GetBill").RequireAuthorization(Policies.Clerk);
        doctors.MapPost("/{invoiceId}/window-payments", TakePayment).WithName("TakeWindowPayment").RequireAuthorization(Policies.Clerk);
        doctors.MapPost("/{invoiceId}/window-refunds", RefundAtWindow).WithName("RefundAtWindow").RequireAuthorization(Policies.Clerk);
        routes.MapGet("/api/pay/{token}", Open).WithTags("Bills").WithName("OpenScannedBill").RequireAuthorization(Policies.Patient);
        routes.MapGet("/api/me/bills", MyBills).WithTags("Bills").WithName("MyBills").RequireAuthorization(Policies.Patient);
        return routes;
    }

    public static async Task<IResult> Issue(IssueBillRequest request, ClaimsPrincipal user, BillIssuer issuer)
    {
        var items = (request.Items ?? []).Select(i => new InvoiceItem(i.Code ?? "", i.Name ?? "", i.Quantity ?? 0, i.UnitPriceFen ?? -1)).ToList();
        var issue = await issuer.IssueAsync(request.PatientId, items, user.Name());
        if (issue.UnknownPatient) return Problems.NotFound("No such patient", "Bills are issued for a registered patient card.");
        if (issue is not { Invoice: { } invoice, Link: { } link })
            return TypedResults.Problem(detail: issue.Refusal?.DetailEn, statusCode: 400, title: issue.Refusal?.Detail, extensions: new Dictionary<string, object?> { ["reason"] = "invalid" });
        return TypedResults.Created($"/api/bills/{invoice.InvoiceId}", new IssuedBill(invoice.InvoiceId, invoice.TotalFen, link.PayUrl, link.QrCodeUrl, link.Token));
    }

    /// <summary>The QR the consultation room shows: the patient's phone opens the signed link.</summary>
    public static IResult QrCode(string invoiceId, string? token, IOptions<BillTokenOptions> tokens, IOptions<WeChatAccountOptions> account, HospitalClock clock)
    {
        var check = BillToken.Verify(token, tokens.Value.Key()!, clock.Now);
        if (check.Status != BillTokenStatus.Valid || check.InvoiceId != invoiceId) return Problems.BadRequest("The token does not belong to this bill.");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(account.Value.Link($"/pay/{token}"), QRCodeGenerator.ECCLevel.M);
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }

    public static async Task<IResult> Open(string token, ClaimsPrincipal user, IGrainFactory grains, IOptions<BillTokenOptions> tokens, HospitalClock clock)
    {
        var check = BillToken.Verify(token, tokens.Value.Key()!, clock.Now);
        if (check.Status == BillTokenStatus.Expired)
            return Problems.Problem(StatusCodes.Status410Gone, "expired", "This bill's code has expired", "Ask the consulting room to show the code again.");
        if (check.Status != BillTokenStatus.Valid) return Problems.Problem(StatusCodes.Status400BadRequest, "bad-token", "Not a valid bill code", "The link was changed or is not one of ours.");
        var invoice = await grains.GetGrain<IInvoiceGrain>(check.InvoiceId!).GetAsync();
        // A bill is shown only to an account that manages its patient; others learn nothing about it.
        if (invoice is null || !await user.CanActForAsync(invoice.PatientId, grains)) return Problems.NotFound("No such bill", "No bill for your patients behind this code.");
        return TypedResults.Ok(BillView.Of(invoice));
    }

    public static async Task<IResult> MyBills(string? patientId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var whose = patientId ?? user.PatientId();
        if (whose is null) return TypedResults.Ok(Array.Empty<BillView>());
        if (!await user.CanActForAsync(whose, grains)) return Problems.Problem(StatusCodes.Status403Forbidden, "not-owner", "Not your patient", "Not a patient your account manages.");
        var ids = await grains.Patient(whose).GetInvoiceIdsAsync();
        var invoices = await Task.WhenAll(ids.Select(id => grains.GetGrain<IInvoiceGrain>(id).GetAsync()));
        return TypedResults.Ok(invoices.OfType<Invoice>().Select(BillView.Of).ToList());
    }

    public static async Task<IResult> Get(string invoiceId, IGrainFactory grains) =>
        await grains.GetGrain<IInvoiceGrain>(invoiceId).GetAsync() is { } invoice ? TypedResults.Ok(BillView.Of(invoice)) : NoSuchBill(invoiceId);

    public static async Task<IResult> TakePayment(string invoiceId, WindowPaymentRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Require(request.Channel is "Cash" or "Card", "channel", "Cash or Card.")
            .Require(request.AmountFen is > 0, "amountFen", "The amount taken, in fen.")
            .Require(Identifiers.IsRequestId(request.ReceiptNo), "receiptNo", "The receipt or POS reference: 1–64 letters, digits, '-' or '_'.");
        if (!check.IsValid) return check.ToProblem();
        var channel = request.Channel == "Cash" ? PaymentChannel.Cash : PaymentChannel.Card;
        return Answer(await grains.GetGrain<IInvoiceGrain>(invoiceId).RecordWindowPaymentAsync(channel, request.AmountFen!.Value, request.ReceiptNo!, user.Name()), invoiceId, grains);
    }

    public static async Task<IResult> RefundAtWindow(string invoiceId, WindowRefundRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Require(request.AmountFen is > 0, "amountFen", "The amount to refund, in fen.")
            .Require(!string.IsNullOrWhiteSpace(request.Reason) && request.Reason.Length <= 200, "reason", "Required, up to 200 characters (audited).");
        if (!check.IsValid) return check.ToProblem();
        return Answer(await grains.GetGrain<IInvoiceGrain>(invoiceId).RefundAtWindowAsync(request.AmountFen!.Value, request.Reason!.Trim(), user.Name(), request.FapiaoNumber), invoiceId, grains);
    }

    private static IResult Answer(BillingDecision decision, string invoiceId, IGrainFactory grains) => decision.Succeeded || decision.RefundRequired
        ? TypedResults.Ok(new BillingAnswer(decision.Outcome.ToString(), decision.Detail, decision.DetailEn))
        : TypedResults.Problem(detail: decision.DetailEn, statusCode: StatusCodes.Status409Conflict, title: decision.Detail,
            extensions: new Dictionary<string, object?> { ["reason"] = decision.Refusal?.ToString() ?? "refused" });

    private static IResult NoSuchBill(string invoiceId) => Problems.NotFound("No such bill", $"No bill '{invoiceId}'.");
}

public sealed record IssueBillRequest(string? PatientId, IReadOnlyList<BillItemRequest>? Items);

public sealed record BillItemRequest(string? Code, string? Name, int? Quantity, long? UnitPriceFen);

public sealed record IssuedBill(string InvoiceId, long TotalFen, string PayUrl, string QrCodeUrl, string Token);

public sealed record WindowPaymentRequest(string? Channel, long? AmountFen, string? ReceiptNo);

public sealed record WindowRefundRequest(long? AmountFen, string? Reason, string? FapiaoNumber);

public sealed record BillingAnswer(string Outcome, string Detail, string DetailEn);

/// <summary>A bill as its patient (and the window) sees it: items with prices, total, state, what was paid and refunded.</summary>
public sealed record BillView(string InvoiceId, string PatientId, string Source, string Status, long TotalFen, long PaidFen, long RefundedFen,
    IReadOnlyList<InvoiceItem> Items, DateTimeOffset CreatedAt, string? Fapiao)
{
    public static BillView Of(Invoice invoice) => new(invoice.InvoiceId, invoice.PatientId, invoice.Source.ToString(), invoice.Status.ToString(),
        invoice.TotalFen, invoice.PaidFen(), invoice.RefundedFen(), invoice.Items, invoice.CreatedAt, invoice.FapiaoNumber);
}
