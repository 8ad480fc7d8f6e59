namespace HospitalOrleans.Domain.Directory;

/// <summary>
/// The hospital day the rush benchmark drives (<c>Demo:Profile=Rush</c>, loadtests/README.md): 150
/// doctors in 10 departments, each with a morning and an afternoon clinic. Day R (today + 2, released
/// already, online open until tomorrow 16:00): 300 pools of 60 numbers, half online. Day S (today + 3):
/// the same pools with 500 numbers, for the sustained-booking phase where every attempt books.
/// The five famous doctors R001–R005 draw half of all attempts.
/// </summary>
public static class RushHospital
{
    public const int Departments = 10;
    public const int DoctorsPerDepartment = 15;
    public const int RushCapacity = 60;
    public const int SustainedCapacity = ClinicRules.MaxCapacity;
    public const int OnlinePercent = 50;
    public static readonly string[] FamousDoctorIds = ["R001", "R002", "R003", "R004", "R005"];

    public static DateOnly RushDay(DateOnly today) => today.AddDays(2);

    public static DateOnly SustainedDay(DateOnly today) => today.AddDays(3);

    public static HospitalDirectory Create(DateOnly today)
    {
        var directory = new HospitalDirectory { Ratio = new RatioPolicy { HospitalPercent = OnlinePercent } };
        for (var d = 1; d <= Departments; d++)
            directory.Departments.Add(new Department
            {
                Id = $"RD{d:00}", Name = $"压力测试{d}科", NameEn = $"Rush department {d}", Building = "门诊楼", Floor = $"{d}F", Room = $"{d}01–{d}15",
            });
        for (var i = 1; i <= Departments * DoctorsPerDepartment; i++)
        {
            var doctor = new Doctor
            {
                Id = $"R{i:000}",
                Name = $"医生{i:000}",
                NameEn = $"Doctor {i:000}",
                DepartmentId = $"RD{(i - 1) / DoctorsPerDepartment + 1:00}",
                Title = i % 3 == 0 ? DoctorTitle.AssociateChief : DoctorTitle.Attending,
                Specialty = "压力测试",
            };
            doctor.Famous = FamousDoctorIds.Contains(doctor.Id);
            if (doctor.Famous) doctor.Title = DoctorTitle.Chief;
            directory.Doctors.Add(doctor);
            foreach (var session in new[] { Session.Morning, Session.Afternoon })
            {
                directory.Overrides.Add(new ClinicOverride { DoctorId = doctor.Id, Date = RushDay(today), Session = session, Capacity = RushCapacity, PeriodMinutes = 30 });
                directory.Overrides.Add(new ClinicOverride { DoctorId = doctor.Id, Date = SustainedDay(today), Session = session, Capacity = SustainedCapacity, PeriodMinutes = 30 });
            }
        }
        return directory;
    }
}
