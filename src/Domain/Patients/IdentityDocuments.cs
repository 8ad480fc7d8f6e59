using System.Text.RegularExpressions;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// Checks a document number's form. Only the form: whether the document exists and belongs to the
/// person is for the real-name check or the clerk. Every check is pure and takes today's date
/// (hospital time) so birth dates "after today" do not depend on the host clock.
/// </summary>
/// <remarks>
/// Faults are reported in a fixed order: missing, length, characters, layout, check digit,
/// region, birth date. The check digit comes before region and date because a typing slip
/// almost always breaks it (MOD 11-2 catches every single-character error and every swap of
/// neighbours), and "check each character" is the useful advice then.
/// </remarks>
public static partial class IdentityDocuments
{
    /// <summary>No one alive was born before this; earlier dates are typing slips.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static DocumentCheck Check(DocumentType type, string? number, DateOnly today)
    {
        var normalized = InputText.Compact(number);
        if (normalized.Length == 0) return DocumentCheck.Refused(type, DocumentFault.Missing);
        return type switch
        {
            DocumentType.ResidentId => CheckResidentId(normalized, today),
            DocumentType.Passport => CheckPassport(normalized),
            DocumentType.HongKongMacauPermit => CheckHongKongMacauPermit(normalized),
            DocumentType.TaiwanPermit => CheckTaiwanPermit(normalized),
            DocumentType.ForeignPermanentResidence => CheckForeignPermanentResidence(normalized),
            DocumentType.HkMoTwResidencePermit => CheckResidencePermit(normalized, today),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type."),
        };
    }

    /// <summary>
    /// 居民身份证. The 15-digit first-generation cards stopped being valid in 2013 and are refused
    /// as the wrong length.
    /// </summary>
    private static DocumentCheck CheckResidentId(string number, DateOnly today)
    {
        const DocumentType type = DocumentType.ResidentId;
        if (number.Length != 18) return DocumentCheck.Refused(type, DocumentFault.WrongLength);
        if (!ResidentIdNumber.HasShape(number)) return DocumentCheck.Refused(type, DocumentFault.BadCharacters);
        if (!ResidentIdNumber.HasValidCheckDigit(number)) return DocumentCheck.Refused(type, DocumentFault.BadCheckDigit);
        if (!ResidentIdNumber.ProvinceCodes.Contains((number[0] - '0') * 10 + (number[1] - '0')))
            return DocumentCheck.Refused(type, DocumentFault.BadRegion);
        return WithBirthDate(type, number, today);
    }

    /// <summary>
    /// 港澳台居民居住证: a GB 11643 number whose region is 810000 (Hong Kong), 820000 (Macao) or
    /// 830000 (Taiwan).
    /// </summary>
    private static DocumentCheck CheckResidencePermit(string number, DateOnly today)
    {
        const DocumentType type = DocumentType.HkMoTwResidencePermit;
        if (number.Length != 18) return DocumentCheck.Refused(type, DocumentFault.WrongLength);
        if (!ResidentIdNumber.HasShape(number)) return DocumentCheck.Refused(type, DocumentFault.BadCharacters);
        if (!ResidentIdNumber.HasValidCheckDigit(number)) return DocumentCheck.Refused(type, DocumentFault.BadCheckDigit);
        if (number[..6] is not ("810000" or "820000" or "830000")) return DocumentCheck.Refused(type, DocumentFault.BadRegion);
        return WithBirthDate(type, number, today);
    }

    private static DocumentCheck WithBirthDate(DocumentType type, string number, DateOnly today)
    {
        if (ResidentIdNumber.BirthDate(number) is not { } birth || birth < EarliestBirthDate)
            return DocumentCheck.Refused(type, DocumentFault.BadBirthDate);
        if (birth > today) return DocumentCheck.Refused(type, DocumentFault.FutureBirthDate);
        return DocumentCheck.Valid(number, birth, ResidentIdNumber.Sex(number));
    }

    /// <summary>
    /// 护照. Chinese ordinary passports are E + 8 digits (E + letter + 7 digits since 2017; G + 8
    /// on older ones), but a foreign patient's passport can be almost anything: ICAO 9303 allows
    /// up to 9 characters in the machine-readable zone and some countries print longer numbers.
    /// So: 5–17 letters or digits with at least one digit, which catches a name typed in the
    /// number field without refusing a real passport.
    /// </summary>
    private static DocumentCheck CheckPassport(string number)
    {
        const DocumentType type = DocumentType.Passport;
        if (number.Length is < 5 or > 17) return DocumentCheck.Refused(type, DocumentFault.WrongLength);
        if (!number.All(char.IsAsciiLetterOrDigit)) return DocumentCheck.Refused(type, DocumentFault.BadCharacters);
        if (!number.Any(char.IsAsciiDigit)) return DocumentCheck.Refused(type, DocumentFault.BadFormat);
        return DocumentCheck.Valid(number);
    }

    /// <summary>
    /// 港澳居民来往内地通行证. Under the Ministry of Public Security's 2010 rule the number was H
    /// (Hong Kong) or M (Macao), an 8-digit lifelong number and a 2-digit renewal count; the card
    /// issued since 2013 prints only the letter and the lifelong number. Both are accepted and the
    /// normalized form is always letter + lifelong number (9 characters), so a patient typing the
    /// number of an old card still matches the MPI's record of the new one.
    /// </summary>
    private static DocumentCheck CheckHongKongMacauPermit(string number)
    {
        const DocumentType type = DocumentType.HongKongMacauPermit;
        if (number.Length is not (9 or 11)) return DocumentCheck.Refused(type, DocumentFault.WrongLength);
        if (!number.All(char.IsAsciiLetterOrDigit)) return DocumentCheck.Refused(type, DocumentFault.BadCharacters);
        if (number[0] is not ('H' or 'M') || !number[1..].All(char.IsAsciiDigit))
            return DocumentCheck.Refused(type, DocumentFault.BadFormat);
        return DocumentCheck.Valid(number[..9]);
    }

    /// <summary>
    /// 台湾居民来往大陆通行证. Since 25 September 2008 the number is the holder's 8-digit lifelong
    /// number ("一人一号、终身不变"). Older booklets added a 2-digit issue count and, for some
    /// issuing offices, a letter or digit in brackets, e.g. 1234567801(B); those are accepted and
    /// normalized to the 8-digit lifelong number, which stays the same on every later permit.
    /// </summary>
    private static DocumentCheck CheckTaiwanPermit(string number)
    {
        const DocumentType type = DocumentType.TaiwanPermit;
        if (!number.All(c => char.IsAsciiLetterOrDigit(c) || c is '(' or ')'))
            return DocumentCheck.Refused(type, DocumentFault.BadCharacters);
        if (TaiwanPermitShape().Match(number) is { Success: true } match) return DocumentCheck.Valid(match.Groups["lifelong"].Value);
        if (number.Length is not (8 or 10 or 11 or 13)) return DocumentCheck.Refused(type, DocumentFault.WrongLength);
        return DocumentCheck.Refused(type, DocumentFault.BadFormat);
    }

    /// <summary>
    /// 外国人永久居留身份证. Cards issued before 1 December 2023 carry 15 characters (a 3-letter
    /// nationality code and 12 digits); the 2023 card carries 18 (9, then 16 digits, then a GB 11643
    /// check character). The 2023 number's inner layout is not relied on, so no birth date or sex
    /// is read from either form; the MPI's own columns supply them.
    /// </summary>
    private static DocumentCheck CheckForeignPermanentResidence(string number)
    {
        const DocumentType type = DocumentType.ForeignPermanentResidence;
        if (number.Length is not (15 or 18)) return DocumentCheck.Refused(type, DocumentFault.WrongLength);
        if (!number.All(char.IsAsciiLetterOrDigit)) return DocumentCheck.Refused(type, DocumentFault.BadCharacters);
        if (number.Length == 15)
        {
            return number.Take(3).All(char.IsAsciiLetter) && number.Skip(3).All(char.IsAsciiDigit)
                ? DocumentCheck.Valid(number)
                : DocumentCheck.Refused(type, DocumentFault.BadFormat);
        }
        if (number[0] != '9' || !ResidentIdNumber.HasShape(number)) return DocumentCheck.Refused(type, DocumentFault.BadFormat);
        if (!ResidentIdNumber.HasValidCheckDigit(number)) return DocumentCheck.Refused(type, DocumentFault.BadCheckDigit);
        return DocumentCheck.Valid(number);
    }

    // \z rather than $: $ would also match before a trailing newline.
    [GeneratedRegex("^(?<lifelong>[0-9]{8})(?:[0-9]{2}(?:\\([A-Z0-9]\\)|[A-Z])?)?\\z")]
    private static partial Regex TaiwanPermitShape();
}
