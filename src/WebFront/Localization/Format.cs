using System.Globalization;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.WebFront.Localization;

/// <summary>Numbers and times as both languages show them: hospital-local HH:mm, yuan from fen.</summary>
public static class Format
{
    public static string Time(DateTimeOffset instant) =>
        HospitalTime.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Period(TimeOnly start, TimeOnly end) => $"{Time(start)}–{Time(end)}";

    /// <summary>¥12.50 from 1250 fen, exactly (the domain's own conversion); a net outflow reads -¥3.00.</summary>
    public static string Money(long fen) => (fen < 0 ? "-¥" : "¥") + Domain.Billing.Money.FormatYuan(Math.Abs(fen));

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(int part, int whole) =>
        whole <= 0 ? "0" : (part * 100 / whole).ToString(CultureInfo.InvariantCulture);
}
