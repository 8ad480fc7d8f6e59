namespace HospitalOrleans.GrainInterfaces.Patients;

/// <summary>
/// One import of the HIS's master-patient-index export (CSV, see docs/patients.md), keyed by the
/// import's name. Idempotent (every record is filed by its outpatient number) and resumable (the
/// progress is stored after each batch; starting the same file again continues where it stopped).
/// </summary>
[Alias("hospital.mpi-import")]
public interface IMpiImportGrain : IGrainWithStringKey
{
    /// <summary>Starts (or resumes) importing <paramref name="csv"/> in the background; returns the report so far.</summary>
    [Alias("start")] Task<MpiImportReport> StartAsync(string csv);

    [Alias("report")] Task<MpiImportReport> GetReportAsync();
}

/// <summary>Progress and the rejected rows (line and reason; never the rejected personal data).</summary>
[GenerateSerializer, Alias("hospital.MpiImportReport")]
public sealed record MpiImportReport(
    [property: Id(0)] string SourceHash,
    [property: Id(1)] int LinesDone,
    [property: Id(2)] int Imported,
    [property: Id(3)] int Rejected,
    [property: Id(4)] IReadOnlyList<string> Rejections,
    [property: Id(5)] bool Completed);
