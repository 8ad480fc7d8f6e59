namespace HospitalOrleans.Domain.Directory;

public sealed class Department
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Building { get; set; } = "";
    public string Floor { get; set; } = "";
    public string Room { get; set; } = "";
}
