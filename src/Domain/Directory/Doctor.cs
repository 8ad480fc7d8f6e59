namespace HospitalOrleans.Domain.Directory;

public sealed class Doctor
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string DepartmentId { get; set; } = "";
    public DoctorTitle Title { get; set; }
    public string Specialty { get; set; } = "";
    /// <summary>A well-known expert: small pools, the first to sell out at 07:00.</summary>
    public bool Famous { get; set; }
}
