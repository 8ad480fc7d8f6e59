using HospitalOrleans.Domain.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WebFront.Apis;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>A booking with the doctor and department it names, as the patient and the clerk's ticket show it.</summary>
public sealed record BookingCard(BookingView Booking, DoctorDto? Doctor, DepartmentDto? Department)
{
    public static BookingCard From(BookingView booking, HospitalDirectory directory) => new(
        booking,
        directory.FindDoctor(booking.DoctorId) is { } doctor ? DoctorDto.From(doctor, directory.Fees) : null,
        directory.FindDepartment(booking.DepartmentId) is { } department ? DepartmentDto.From(department) : null);

    /// <summary>The registration bill, on the patient's own pages (not on the clerk's ticket).</summary>
    public BookingBill? Bill { get; init; }

    public bool IsLive => Booking.Status is "held" or "confirmed";

    public bool IsHeld => Booking.Status == "held";

    public string Place => Department is { } d ? $"{d.Building} {d.Floor} {d.Room}" : "";
}
