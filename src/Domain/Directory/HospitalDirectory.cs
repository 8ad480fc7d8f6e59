using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Directory;

/// <summary>The hospital's departments, doctors, clinics, fees and ratio policy; the source of every pool.</summary>
public sealed class HospitalDirectory
{
    public List<Department> Departments { get; set; } = new();
    public List<Doctor> Doctors { get; set; } = new();
    public List<WeeklyClinic> WeeklyClinics { get; set; } = new();
    public List<ClinicOverride> Overrides { get; set; } = new();
    public FeeSchedule Fees { get; set; } = new();
    public RatioPolicy Ratio { get; set; } = new();

    public bool IsEmpty => Departments.Count == 0;

    public Doctor? FindDoctor(string doctorId) => Doctors.Find(d => d.Id == doctorId);

    public Department? FindDepartment(string departmentId) => Departments.Find(d => d.Id == departmentId);

    /// <summary>The clinic a doctor holds on a date and half-day, after one-off overrides; null when none.</summary>
    public (int Capacity, int PeriodMinutes)? ClinicOn(string doctorId, DateOnly date, Session session)
    {
        var change = Overrides.FindLast(o => o.DoctorId == doctorId && o.Date == date && o.Session == session);
        if (change is not null)
            return change.Cancelled ? null : (change.Capacity, change.PeriodMinutes);
        var weekly = WeeklyClinics.Find(c => c.DoctorId == doctorId && c.DayOfWeek == date.DayOfWeek && c.Session == session);
        return weekly is null ? null : (weekly.Capacity, weekly.PeriodMinutes);
    }

    /// <summary>Every pool held on a date, optionally in one department, ordered by department, session, doctor.</summary>
    public IReadOnlyList<PoolId> PoolsOn(DateOnly date, string? departmentId = null) =>
        Doctors
            .Where(d => departmentId is null || d.DepartmentId == departmentId)
            .SelectMany(d => new[] { Session.Morning, Session.Afternoon }
                .Where(s => ClinicOn(d.Id, date, s) is not null)
                .Select(s => (Doctor: d, Session: s)))
            .OrderBy(x => x.Doctor.DepartmentId, StringComparer.Ordinal)
            .ThenBy(x => x.Session)
            .ThenBy(x => x.Doctor.Id, StringComparer.Ordinal)
            .Select(x => new PoolId(x.Doctor.Id, date, x.Session))
            .ToList();

    /// <summary>The definition a new pool opens with, or null when the schedule holds no such clinic.</summary>
    public PoolDefinition? Define(PoolId id, BookingCalendar calendar)
    {
        var doctor = FindDoctor(id.DoctorId);
        var clinic = ClinicOn(id.DoctorId, id.Date, id.Session);
        if (doctor is null || clinic is null) return null;
        var start = SessionHours.Start(id.Session);
        var end = SessionHours.End(id.Session);
        return new PoolDefinition
        {
            PoolId = id.ToString(),
            DoctorId = doctor.Id,
            DepartmentId = doctor.DepartmentId,
            Date = id.Date,
            Session = id.Session,
            FeeFen = Fees.FeeFor(doctor),
            Periods = PeriodPlanner.Split(start, end, clinic.Value.PeriodMinutes, clinic.Value.Capacity),
            ReleaseAt = calendar.ReleaseAt(id.Date),
            OnlineCutoff = calendar.OnlineCutoff(id.Date),
            SessionEnd = HospitalTime.At(id.Date, end),
        };
    }
}
