namespace HospitalOrleans.Domain.Billing;

/// <summary>What is wrong with one bill item.</summary>
public enum InvoiceItemFault
{
    CodeMissing,
    /// <summary>More than <see cref="InvoiceItem.MaxCodeLength"/> characters.</summary>
    CodeTooLong,
    /// <summary>Whitespace or control characters in the code.</summary>
    CodeBadCharacters,
    NameMissing,
    /// <summary>More than <see cref="InvoiceItem.MaxNameLength"/> characters.</summary>
    NameTooLong,
    /// <summary>Control characters, or spaces around the name.</summary>
    NameBadCharacters,
    /// <summary>Not 1–<see cref="InvoiceItem.MaxQuantity"/>.</summary>
    QuantityOutOfRange,
    /// <summary>Not 0–<see cref="InvoiceItem.MaxUnitPriceFen"/> fen.</summary>
    UnitPriceOutOfRange,
}
