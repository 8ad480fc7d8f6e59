using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Grains.Tests.Support;

/// <summary>A small hospital for grain tests: every doctor holds a clinic every morning and afternoon.</summary>
public static class TestHospital
{
    /// <summary>Wednesday 2026-12-02 09:00 in the hospital: pools of 2026-12-04..08 are released and open online.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, HospitalTime.Offset);

    public static readonly DateOnly BookableDay = new(2026, 12, 5);

    public static HospitalDirectory Create()
    {
        var directory = new HospitalDirectory();
        directory.Departments.Add(new Department { Id = "TMO", Name = "胸部肿瘤内科", NameEn = "Thoracic Medical Oncology", Building = "门诊楼", Floor = "3F", Room = "301" });
        directory.Departments.Add(new Department { Id = "BRS", Name = "乳腺外科", NameEn = "Breast Surgery", Building = "门诊楼", Floor = "4F", Room = "401" });
        AddDoctor(directory, "D001", "TMO", capacity: 12, famous: true);
        AddDoctor(directory, "D002", "TMO", capacity: 48, famous: false);
        AddDoctor(directory, "D003", "BRS", capacity: 40, famous: false);
        AddDoctor(directory, "D004", "BRS", capacity: 200, famous: false);
        // One doctor per test that needs a pool of its own: tests share a cluster, never a pool.
        for (var i = 100; i < 160; i++) AddDoctor(directory, $"D{i}", i % 2 == 0 ? "TMO" : "BRS", capacity: 30, famous: false);
        return directory;
    }

    public static string Pool(string doctorId, DateOnly? day = null, Session session = Session.Morning) =>
        new PoolId(doctorId, day ?? BookableDay, session).ToString();

    private static void AddDoctor(HospitalDirectory directory, string id, string department, int capacity, bool famous)
    {
        directory.Doctors.Add(new Doctor { Id = id, Name = "测试医生" + id, NameEn = "Doctor " + id, DepartmentId = department, Title = DoctorTitle.Chief, Famous = famous, Specialty = "测试" });
        foreach (var day in Enum.GetValues<DayOfWeek>())
            foreach (var session in new[] { Session.Morning, Session.Afternoon })
                directory.WeeklyClinics.Add(new WeeklyClinic { DoctorId = id, DayOfWeek = day, Session = session, Capacity = capacity, PeriodMinutes = 30 });
    }
}
