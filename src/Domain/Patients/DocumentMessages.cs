namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// The sentences shown for a refused document number. They name the document and describe its
/// expected shape, and never quote what was typed: the same text goes into import reports and logs.
/// </summary>
internal static class DocumentMessages
{
    public static (string Chinese, string English) For(DocumentType type, DocumentFault fault)
    {
        var name = DocumentTypeNames.Chinese(type);
        var nameEn = ShortEnglish(type);
        var (shape, shapeEn) = Shape(type);
        return fault switch
        {
            DocumentFault.Missing => ($"请填写{name}号码。", $"Please enter the {nameEn} number."),
            DocumentFault.WrongLength => ($"{name}号码位数不对，应为{shape}。", $"The {nameEn} number has the wrong length; it should be {shapeEn}."),
            DocumentFault.BadCharacters => ($"{name}号码含有不允许的字符，应为{shape}。", $"The {nameEn} number contains characters it cannot have; it should be {shapeEn}."),
            DocumentFault.BadFormat => ($"{name}号码格式不对，应为{shape}。", $"The {nameEn} number is not in the right format; it should be {shapeEn}."),
            DocumentFault.BadCheckDigit => ($"{name}号码最后一位校验码不符，请逐位核对。", $"The last character of the {nameEn} number (its check digit) does not match; please check each character."),
            DocumentFault.BadBirthDate => ($"{name}号码中的出生日期（第 7–14 位）不是有效的出生日期，请核对。", $"The birth date in characters 7–14 of the {nameEn} number is not a valid birth date; please check it."),
            DocumentFault.FutureBirthDate => ($"{name}号码中的出生日期晚于今天，请核对。", $"The birth date in the {nameEn} number is after today; please check it."),
            DocumentFault.BadRegion when type == DocumentType.HkMoTwResidencePermit =>
                ($"{name}号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头。", $"A {nameEn} number starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)."),
            DocumentFault.BadRegion => ($"{name}号码前两位不是有效的省级行政区划代码，请核对。", $"The first two digits of the {nameEn} number are not a valid province code; please check them."),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown document fault."),
        };
    }

    private static string ShortEnglish(DocumentType type) => type switch
    {
        DocumentType.ResidentId => "resident ID",
        DocumentType.Passport => "passport",
        DocumentType.HongKongMacauPermit => "Hong Kong/Macao travel permit",
        DocumentType.TaiwanPermit => "Taiwan travel permit",
        DocumentType.ForeignPermanentResidence => "foreign permanent resident ID",
        DocumentType.HkMoTwResidencePermit => "Hong Kong/Macao/Taiwan residence permit",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type."),
    };

    private static (string Chinese, string English) Shape(DocumentType type) => type switch
    {
        DocumentType.ResidentId => ("18 位：17 位数字加最后一位数字或 X", "18 characters: 17 digits and a final digit or X"),
        DocumentType.Passport => ("5–17 位字母或数字，且至少含 1 位数字", "5–17 letters or digits, at least one of them a digit"),
        DocumentType.HongKongMacauPermit => ("H 或 M 开头，后接 8 位数字（旧版为 10 位数字）", "H or M followed by 8 digits (10 digits on older permits)"),
        DocumentType.TaiwanPermit => ("8 位数字（旧版为 10 位数字，可带括号内的签发机关代码）", "8 digits (10 digits on older permits, possibly with an issuing-office code in brackets)"),
        DocumentType.ForeignPermanentResidence => ("15 位（3 位字母加 12 位数字）或 18 位（以 9 开头，17 位数字加最后一位数字或 X）", "15 characters (3 letters and 12 digits) or 18 (17 digits starting with 9 and a final digit or X)"),
        DocumentType.HkMoTwResidencePermit => ("18 位：以 810000、820000 或 830000 开头，17 位数字加最后一位数字或 X", "18 characters starting 810000, 820000 or 830000: 17 digits and a final digit or X"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type."),
    };
}
