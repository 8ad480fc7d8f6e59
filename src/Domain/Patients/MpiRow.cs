namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// One line of an MPI file: the record, or why it was refused. <see cref="Rejection"/> names the
/// column and the fault in English and Chinese and never quotes a value (values are personal data,
/// and a shifted column can put a document number anywhere).
/// </summary>
public sealed record MpiRow(int Line, MpiRecord? Record, string? Rejection);
