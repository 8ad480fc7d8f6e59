namespace HospitalOrleans.Domain.Billing;

/// <summary>One status change of an invoice, kept for audit: every change is recorded, none is ever removed.</summary>
public sealed class InvoiceTransition
{
    /// <summary>Null for the creation of the invoice.</summary>
    public InvoiceStatus? From { get; set; }
    public InvoiceStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string Reason { get; set; } = "";
}
