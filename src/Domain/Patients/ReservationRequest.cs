using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Patients;

/// <summary>A patient asks for a number in one pool; the fairness rules decide before the pool is asked.</summary>
public sealed record ReservationRequest(string RequestId, string PoolId, string DoctorId, string DepartmentId, DateOnly Date, Session Session, Channel Channel);
