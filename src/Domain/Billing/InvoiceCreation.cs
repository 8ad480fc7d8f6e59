namespace HospitalOrleans.Domain.Billing;

/// <summary>One fault of one item, by its position in the bill (0-based).</summary>
public readonly record struct ItemFault(int Index, InvoiceItemFault Fault);

/// <summary>
/// The outcome of <see cref="InvoiceMachine.Create"/>: the new invoice, or why none was made.
/// <see cref="Detail"/> (Chinese) and <see cref="DetailEn"/> are shown to staff as they are.
/// </summary>
public sealed record InvoiceCreation(Invoice? Invoice, string Detail, string DetailEn)
{
    public IReadOnlyList<ItemFault> ItemFaults { get; init; } = [];

    public bool Succeeded => Invoice is not null;
}
