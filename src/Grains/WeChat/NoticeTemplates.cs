using System.Globalization;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Notices;
using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.WeChat.Templates;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>
/// Turns a notice into a WeChat template message. The keys follow the industry templates of the
/// medical category (thing ≤ 20 characters, time, character_string); the wording is for patients.
/// </summary>
public static class NoticeTemplates
{
    public static TemplateMessage? Render(PatientNotice notice, string openId, HospitalDirectory directory, WeChatAccountOptions options)
    {
        if (!options.Templates.TryGetValue(notice.Kind.ToString(), out var templateId) || string.IsNullOrWhiteSpace(templateId)) return null;
        var booking = notice.Booking;
        var data = new Dictionary<string, string>();
        if (booking is not null)
        {
            var doctor = directory.FindDoctor(booking.DoctorId);
            var department = directory.FindDepartment(booking.DepartmentId);
            data["thing1"] = Fit($"{department?.Name ?? booking.DepartmentId} {doctor?.Name ?? booking.DoctorId}");
            data["time2"] = string.Create(CultureInfo.InvariantCulture,
                $"{booking.Date:yyyy年MM月dd日} {booking.PeriodStart:HH\\:mm}-{booking.PeriodEnd:HH\\:mm}");
            data["character_string3"] = $"{booking.Serial}号";
            data["thing4"] = Fit(Note(notice.Kind, department));
        }
        else data["thing4"] = Fit(Note(notice.Kind, null));
        var url = booking is null ? options.Link("/me/bookings") : options.Link($"/bookings/{booking.BookingId}");
        return new TemplateMessage(openId, templateId, url, notice.NoticeId, data);
    }

    private static string Note(NoticeKind kind, Department? department) => kind switch
    {
        NoticeKind.BookingConfirmed => department is null ? "预约成功，请按时段就诊" : $"预约成功，请到{department.Building}{department.Floor}候诊",
        NoticeKind.BookingCancelled => "预约已取消，号源已退回",
        NoticeKind.BookingReleasedUnpaid => "未在时限内支付，号源已释放",
        NoticeKind.VisitReminder => "明日就诊，请携带身份证按时到院",
        NoticeKind.ReportReady => "检查报告已出，可在我的就诊中查看",
        NoticeKind.AdmissionNotice => "入院登记已办理，请按通知入院",
        NoticeKind.PaymentRefunded => "付款晚于支付时限，已原路退回",
        _ => "",
    };

    /// <summary>WeChat refuses a thing value over 20 characters.</summary>
    private static string Fit(string value) => value.Length <= 20 ? value : value[..19] + "…";
}
