namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// One line of a bill as the patient sees it on the scan-to-pay page: the HIS charge code, the
/// name, how many, the unit price in fen. A unit price of 0 is allowed (items listed for
/// information, e.g. a free re-examination), but an invoice's total must be above 0.
/// </summary>
public sealed record InvoiceItem(string Code, string Name, int Quantity, long UnitPriceFen)
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 60;
    public const int MaxQuantity = 999;
    /// <summary>¥100,000.00: above any single outpatient item, low enough that no invoice total can overflow.</summary>
    public const long MaxUnitPriceFen = 10_000_000;

    /// <summary>Quantity × unit price. Fits a long for any valid item (at most 999 × 10⁷ fen).</summary>
    public long AmountFen => Quantity * UnitPriceFen;

    /// <summary>Everything wrong with the item; empty when it is valid.</summary>
    public IReadOnlyList<InvoiceItemFault> Validate()
    {
        var faults = new List<InvoiceItemFault>();
        if (string.IsNullOrWhiteSpace(Code)) faults.Add(InvoiceItemFault.CodeMissing);
        else if (Code.Length > MaxCodeLength) faults.Add(InvoiceItemFault.CodeTooLong);
        else if (Code.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) faults.Add(InvoiceItemFault.CodeBadCharacters);

        if (string.IsNullOrWhiteSpace(Name)) faults.Add(InvoiceItemFault.NameMissing);
        else if (Name.Length > MaxNameLength) faults.Add(InvoiceItemFault.NameTooLong);
        else if (Name.Any(char.IsControl) || Name.Trim().Length != Name.Length) faults.Add(InvoiceItemFault.NameBadCharacters);

        if (Quantity is < 1 or > MaxQuantity) faults.Add(InvoiceItemFault.QuantityOutOfRange);
        if (UnitPriceFen is < 0 or > MaxUnitPriceFen) faults.Add(InvoiceItemFault.UnitPriceOutOfRange);
        return faults;
    }
}
