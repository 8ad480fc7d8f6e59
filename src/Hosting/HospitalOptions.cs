using HospitalOrleans.Domain.Time;
using HospitalOrleans.Storage;
using Microsoft.Extensions.Configuration;

namespace HospitalOrleans.Hosting;

/// <summary>Typed views of the configuration sections every host reads, validated at start.</summary>
public static class HospitalOptions
{
    public static HospitalStorageOptions Storage(IConfiguration configuration) =>
        Validated(configuration.GetSection("Storage").Get<HospitalStorageOptions>() ?? new(), o => o.Validate(), "Storage");

    public static BookingCalendar Calendar(IConfiguration configuration) =>
        Validated(configuration.GetSection("Booking").Get<BookingCalendar>() ?? new(), o => o.Validate(), "Booking");

    public static bool DemoEnabled(IConfiguration configuration) => configuration.GetValue("Demo:Enabled", false);

    /// <summary>
    /// Which demo data a demo start loads: <c>Hospital</c> (the demo cancer hospital, default) or
    /// <c>Rush</c> (the rush benchmark's day, loadtests/README.md). None outside demo mode.
    /// </summary>
    public static DemoProfile Profile(IConfiguration configuration) =>
        !DemoEnabled(configuration) ? DemoProfile.None
        : configuration["Demo:Profile"] is { Length: > 0 } name
            ? Enum.TryParse<DemoProfile>(name, ignoreCase: true, out var profile) && profile != DemoProfile.None
                ? profile
                : throw new InvalidOperationException("Demo:Profile must be Hospital or Rush.")
            : DemoProfile.Hospital;

    /// <summary>Whether this process runs a silo itself (the embedded default) or joins a cluster as a client.</summary>
    public static bool RunsSilo(IConfiguration configuration) => configuration.GetValue("Hosting:RunSilo", true);

    private static T Validated<T>(T options, Func<T, IEnumerable<string>> validate, string section)
    {
        var problems = validate(options).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException($"Configuration section '{section}' is invalid: {string.Join(" ", problems)}");
        return options;
    }
}
