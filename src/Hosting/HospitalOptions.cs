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
