namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// One row of the master patient index exported from the HIS: one outpatient number and whom it
/// belongs to. A person with several historical numbers has several records with the same
/// document. All text fields are in their normalized form once read by <see cref="MpiCsv"/>.
/// </summary>
/// <param name="Sex">"M" or "F".</param>
public sealed record MpiRecord(string OutpatientNumber, string Name, DocumentType DocumentType, string DocumentNumber, string? Phone, DateOnly? BirthDate, string? Sex);
