namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// The verdict on a document number. <see cref="Message"/> (Chinese) and <see cref="MessageEn"/>
/// are shown to the patient as they are, and never repeat the number itself, so they may be
/// logged or put in an import report without leaking personal data.
/// </summary>
/// <param name="Normalized">Upper-case, spaces removed, full-width characters made ASCII; for
/// permits with a lifelong number, the lifelong part only (see <see cref="IdentityDocuments"/>).</param>
/// <param name="BirthDate">When the number encodes it.</param>
/// <param name="Sex">"M" or "F" when the number encodes it.</param>
public sealed record DocumentCheck(bool Ok, DocumentFault? Fault, string Message, string? Normalized, DateOnly? BirthDate, string? Sex)
{
    public string MessageEn { get; init; } = "";

    internal static DocumentCheck Valid(string normalized, DateOnly? birthDate = null, string? sex = null) =>
        new(true, null, "证件号码有效。", normalized, birthDate, sex) { MessageEn = "The document number is valid." };

    internal static DocumentCheck Refused(DocumentType type, DocumentFault fault)
    {
        var (chinese, english) = DocumentMessages.For(type, fault);
        return new DocumentCheck(false, fault, chinese, null, null, null) { MessageEn = english };
    }
}
