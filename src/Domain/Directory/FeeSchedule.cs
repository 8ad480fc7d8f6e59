namespace HospitalOrleans.Domain.Directory;

/// <summary>Registration fee in fen, by title; famous experts carry the hospital's expert fee.</summary>
public sealed class FeeSchedule
{
    public long ResidentFen { get; set; } = 1000;
    public long AttendingFen { get; set; } = 2000;
    public long AssociateChiefFen { get; set; } = 3000;
    public long ChiefFen { get; set; } = 5000;
    public long FamousExpertFen { get; set; } = 10000;

    public long FeeFor(Doctor doctor) => doctor.Famous
        ? FamousExpertFen
        : doctor.Title switch
        {
            DoctorTitle.Chief => ChiefFen,
            DoctorTitle.AssociateChief => AssociateChiefFen,
            DoctorTitle.Attending => AttendingFen,
            _ => ResidentFen,
        };
}
