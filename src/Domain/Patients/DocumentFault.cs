namespace HospitalOrleans.Domain.Patients;

/// <summary>Why a document number was refused.</summary>
public enum DocumentFault
{
    /// <summary>Nothing was entered.</summary>
    Missing,
    /// <summary>Too short or too long for this document.</summary>
    WrongLength,
    /// <summary>Characters this document never contains (punctuation, Chinese characters, …).</summary>
    BadCharacters,
    /// <summary>The GB 11643 check character does not match: almost always a typing slip.</summary>
    BadCheckDigit,
    /// <summary>The encoded birth date is not a real date, or is before 1900.</summary>
    BadBirthDate,
    /// <summary>The encoded birth date is after today.</summary>
    FutureBirthDate,
    /// <summary>The region code is not a province-level code (or not 81/82/83 on a residence permit).</summary>
    BadRegion,
    /// <summary>The right characters in the wrong places, e.g. a permit not starting with H or M.</summary>
    BadFormat,
}
