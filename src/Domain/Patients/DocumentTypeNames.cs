using System.Diagnostics.CodeAnalysis;

namespace HospitalOrleans.Domain.Patients;

/// <summary>What patients and clerks call each document, and the names an MPI export may use for it.</summary>
public static class DocumentTypeNames
{
    public static string Chinese(DocumentType type) => type switch
    {
        DocumentType.ResidentId => "居民身份证",
        DocumentType.Passport => "护照",
        DocumentType.HongKongMacauPermit => "港澳居民来往内地通行证",
        DocumentType.TaiwanPermit => "台湾居民来往大陆通行证",
        DocumentType.ForeignPermanentResidence => "外国人永久居留身份证",
        DocumentType.HkMoTwResidencePermit => "港澳台居民居住证",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type."),
    };

    public static string English(DocumentType type) => type switch
    {
        DocumentType.ResidentId => "Resident identity card",
        DocumentType.Passport => "Passport",
        DocumentType.HongKongMacauPermit => "Mainland travel permit for Hong Kong and Macao residents",
        DocumentType.TaiwanPermit => "Mainland travel permit for Taiwan residents",
        DocumentType.ForeignPermanentResidence => "Foreign permanent resident ID card",
        DocumentType.HkMoTwResidencePermit => "Residence permit for Hong Kong, Macao and Taiwan residents",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type."),
    };

    // HIS exports use the full legal name or the everyday short one; both mean the same document.
    private static readonly Dictionary<string, DocumentType> ChineseNames = new(StringComparer.Ordinal)
    {
        ["居民身份证"] = DocumentType.ResidentId,
        ["身份证"] = DocumentType.ResidentId,
        ["护照"] = DocumentType.Passport,
        ["港澳居民来往内地通行证"] = DocumentType.HongKongMacauPermit,
        ["回乡证"] = DocumentType.HongKongMacauPermit,
        ["台湾居民来往大陆通行证"] = DocumentType.TaiwanPermit,
        ["台胞证"] = DocumentType.TaiwanPermit,
        ["外国人永久居留身份证"] = DocumentType.ForeignPermanentResidence,
        ["永居证"] = DocumentType.ForeignPermanentResidence,
        ["港澳台居民居住证"] = DocumentType.HkMoTwResidencePermit,
    };

    /// <summary>
    /// Reads the enum name (any case) or a Chinese name. Numbers are refused even though
    /// <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would take them: a shifted CSV
    /// column holding a digit must not silently become a document type.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DocumentType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (ChineseNames.TryGetValue(trimmed, out type)) return true;
        if (!trimmed.All(char.IsAsciiLetter)) return false;
        return Enum.TryParse(trimmed, ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
