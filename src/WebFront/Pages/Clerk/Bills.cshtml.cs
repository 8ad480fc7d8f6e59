using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using HospitalOrleans.WebFront.Pages.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Clerk;

/// <summary>
/// The payment window: a bill found by its number, or an online booking's fee by the booking number;
/// cash or card taken, refunds handed back, a fapiao issued, an online booking cancelled with its
/// refund. The invoice grain decides each step; every step done offers a printed receipt.
/// </summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class BillsModel(IGrainFactory grains) : HospitalPageModel
{
    public const int MaxReasonLength = 200;

    public static string PathOf(string invoiceId) => $"/clerk/bills?q={Uri.EscapeDataString(invoiceId)}";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>A step was just taken: the receipt is offered first.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    public Invoice? Invoice { get; private set; }

    public string PatientName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Query)) return Page();
        if (InvoiceIdFor(Query) is not { } invoiceId) return Fail(T.TillLookupRequired, StatusCodes.Status400BadRequest);
        return await LoadAsync(invoiceId) ? Page() : Fail(T.UnknownBill, StatusCodes.Status404NotFound);
    }

    public async Task<IActionResult> OnPostPaymentAsync(string? invoiceId, string? channel, string? amount, string? receiptNo)
    {
        if (channel is not (nameof(PaymentChannel.Cash) or nameof(PaymentChannel.Card))) return await InvalidAsync(invoiceId, T.Invalid);
        if (!Money.TryParseYuan(amount?.Trim(), out var fen) || fen <= 0) return await InvalidAsync(invoiceId, T.AmountInvalid);
        if (!Identifiers.IsRequestId(receiptNo?.Trim())) return await InvalidAsync(invoiceId, T.ReceiptNoInvalid);
        return await ActAsync(invoiceId, bill => bill.RecordWindowPaymentAsync(Enum.Parse<PaymentChannel>(channel), fen, receiptNo!.Trim(), User.Name()));
    }

    public async Task<IActionResult> OnPostRefundAsync(string? invoiceId, string? amount, string? reason, string? fapiaoNumber)
    {
        if (!Money.TryParseYuan(amount?.Trim(), out var fen) || fen <= 0) return await InvalidAsync(invoiceId, T.AmountInvalid);
        if (Audited(reason) is not { } why) return await InvalidAsync(invoiceId, T.RefundReasonRequired);
        var fapiao = string.IsNullOrWhiteSpace(fapiaoNumber) ? null : fapiaoNumber.Trim();
        return await ActAsync(invoiceId, bill => bill.RefundAtWindowAsync(fen, why, User.Name(), fapiao));
    }

    public async Task<IActionResult> OnPostFapiaoAsync(string? invoiceId, string? fapiaoNumber)
    {
        if (string.IsNullOrWhiteSpace(fapiaoNumber)) return await InvalidAsync(invoiceId, T.FapiaoNumberRequired);
        return await ActAsync(invoiceId, bill => bill.IssueFapiaoAsync(fapiaoNumber.Trim(), User.Name()));
    }

    /// <summary>The patient at the window cancels an online booking: the number goes back, the fee is refunded the way it came.</summary>
    public async Task<IActionResult> OnPostCancelBookingAsync(string? invoiceId, string? reason)
    {
        if (Audited(reason) is not { } why) return await InvalidAsync(invoiceId, T.AuditedReasonRequired);
        if (!InvoiceIds.IsValid(invoiceId)) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        var result = await grains.GetGrain<IInvoiceGrain>(invoiceId!).CancelRegistrationAsync(RefundChannel.Window, User.Name(), why, null);
        return await AnswerAsync(invoiceId!, result.Cancelled, T.Worded(result.Detail, result.DetailEn));
    }

    private async Task<IActionResult> ActAsync(string? invoiceId, Func<IInvoiceGrain, Task<BillingDecision>> step)
    {
        if (!InvoiceIds.IsValid(invoiceId)) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        var decision = await step(grains.GetGrain<IInvoiceGrain>(invoiceId!));
        return await AnswerAsync(invoiceId!, decision.Succeeded || decision.RefundRequired, T.Worded(decision.Detail, decision.DetailEn));
    }

    /// <summary>Done: back to the bill with the notice and the receipt. Refused: the bill as it stands, with why.</summary>
    private async Task<IActionResult> AnswerAsync(string invoiceId, bool done, string message)
    {
        if (!done) return await ShowAsync(invoiceId, message, StatusCodes.Status409Conflict);
        Notice = message;
        return Redirect(PathOf(invoiceId) + "&done=true");
    }

    private Task<IActionResult> InvalidAsync(string? invoiceId, string message) => ShowAsync(invoiceId, message, StatusCodes.Status400BadRequest);

    private async Task<IActionResult> ShowAsync(string? invoiceId, string message, int statusCode) =>
        InvoiceIds.IsValid(invoiceId) && await LoadAsync(invoiceId!) ? Fail(message, statusCode) : Fail(T.UnknownBill, StatusCodes.Status404NotFound);

    private async Task<bool> LoadAsync(string invoiceId)
    {
        Query = invoiceId;
        Invoice = await grains.GetGrain<IInvoiceGrain>(invoiceId).GetAsync();
        if (Invoice is null) return false;
        PatientName = FamilyMember.NameOf(await grains.Patient(Invoice.PatientId).GetCardAsync());
        return true;
    }

    private static string? Audited(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength ? null : reason.Trim();

    /// <summary>A bill number as typed, or a booking number (any case) standing for its registration bill.</summary>
    private static string? InvoiceIdFor(string query)
    {
        var text = query.Trim();
        if (BookingId.TryParse(text.ToUpperInvariant(), out var booking)) return RegistrationInvoices.IdFor(booking.ToString());
        return InvoiceIds.IsValid(text) ? text : null;
    }
}
