namespace HospitalOrleans.Domain.Directory;

/// <summary>Professional title; the registration fee follows it.</summary>
public enum DoctorTitle
{
    Resident = 0,        // 住院医师
    Attending = 1,       // 主治医师
    AssociateChief = 2,  // 副主任医师
    Chief = 3,           // 主任医师
}

public static class DoctorTitles
{
    public static string Chinese(DoctorTitle title) => title switch
    {
        DoctorTitle.Chief => "主任医师",
        DoctorTitle.AssociateChief => "副主任医师",
        DoctorTitle.Attending => "主治医师",
        _ => "住院医师",
    };

    public static string English(DoctorTitle title) => title switch
    {
        DoctorTitle.Chief => "Chief Physician",
        DoctorTitle.AssociateChief => "Associate Chief Physician",
        DoctorTitle.Attending => "Attending Physician",
        _ => "Resident Physician",
    };
}
