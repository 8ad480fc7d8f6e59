namespace HospitalOrleans.Domain.Billing;

/// <summary>Where a bill comes from; the refund rules differ by source.</summary>
public enum InvoiceSource
{
    /// <summary>The registration fee of a booking, paid right after booking; the number is held until then.</summary>
    Registration,
    /// <summary>Examinations and drugs billed by the doctor's system in the consultation room, paid by scanning its QR code.</summary>
    ConsultationRoom,
    /// <summary>An inpatient deposit, settled at discharge.</summary>
    InpatientDeposit,
}
