namespace HospitalOrleans.Domain.Billing;

/// <summary>What is needed to issue a bill; see <see cref="InvoiceMachine.Create"/>.</summary>
/// <param name="BookingId">Required for a registration fee (its date is the visit date); optional for a consultation-room bill; none for a deposit.</param>
/// <param name="By">Who issued it: the booking flow, the doctor's system, a clerk.</param>
public sealed record NewInvoice(
    string InvoiceId,
    string PatientId,
    InvoiceSource Source,
    IReadOnlyList<InvoiceItem> Items,
    string By,
    string? BookingId = null);
