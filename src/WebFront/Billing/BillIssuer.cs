using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.Grains.WeChat;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.Billing;

/// <summary>
/// Issues consultation-room bills for the doctor's system (<c>POST /api/bills</c>) and the doctor's
/// page alike, so the bill's id, its signed token and the QR link are made in one place. The invoice
/// grain checks the items (<see cref="InvoiceMachine.Create"/>); nothing is issued when it refuses.
/// </summary>
public sealed class BillIssuer(IGrainFactory grains, IOptions<BillTokenOptions> tokens, IOptions<WeChatAccountOptions> account, HospitalClock clock)
{
    public async Task<BillIssue> IssueAsync(string? patientId, IReadOnlyList<InvoiceItem> items, string by)
    {
        if (!OutpatientNumberFormat.IsWellFormed(patientId)) return BillIssue.NoSuchPatient;
        var card = await grains.Patient(patientId!).GetCardAsync();
        if (!card.Registered) return BillIssue.NoSuchPatient;
        var id = $"CR{HospitalTime.ToLocal(clock.Now):yyMMdd}{Guid.NewGuid():N}"[..22];
        var created = await grains.GetGrain<IInvoiceGrain>(id).CreateAsync(new NewInvoice(id, patientId!, InvoiceSource.ConsultationRoom, items, by));
        if (created.Invoice is not { } invoice) return new BillIssue(null, null, card, created);
        await grains.Patient(invoice.PatientId).AddInvoiceAsync(invoice.InvoiceId);
        var expires = clock.Now.AddMinutes(tokens.Value.TokenLifetimeMinutes);
        return new BillIssue(invoice, LinkOf(BillToken.Create(invoice.InvoiceId, expires, tokens.Value.Key()!), invoice.InvoiceId, expires), card, null);
    }

    /// <summary>The link of a token this front signed, expired or not; null for anything else.</summary>
    public BillLink? Open(string? token)
    {
        var check = BillToken.Verify(token, tokens.Value.Key()!, clock.Now);
        return check is { InvoiceId: { } invoiceId, ExpiresAt: { } expires } ? LinkOf(token!, invoiceId, expires) : null;
    }

    private BillLink LinkOf(string token, string invoiceId, DateTimeOffset expires) => new(invoiceId, token,
        account.Value.Link($"/pay/{token}"), $"/api/bills/{invoiceId}/qrcode.png?token={Uri.EscapeDataString(token)}", expires, clock.Now >= expires);
}

/// <summary>
/// What issuing came to: the bill and its link; or, with <see cref="Refusal"/>, why the invoice grain
/// issued nothing; or neither, for an outpatient number without a registered card.
/// </summary>
public sealed record BillIssue(Invoice? Invoice, BillLink? Link, PatientCardView? Card, InvoiceCreation? Refusal)
{
    public static BillIssue NoSuchPatient { get; } = new(null, null, null, null);

    public bool UnknownPatient => Card is null;
}

/// <summary>A bill's scan-to-pay link: the page the patient's phone opens, and the QR image of it (doctors only).</summary>
public sealed record BillLink(string InvoiceId, string Token, string PayUrl, string QrCodeUrl, DateTimeOffset ExpiresAt, bool Expired);
