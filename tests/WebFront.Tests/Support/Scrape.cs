using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace HospitalOrleans.WebFront.Tests.Support;

/// <summary>Reads figures out of the Prometheus text that <c>/metrics</c> serves.</summary>
public static partial class Scrape
{
    public static async Task<string> MetricsAsync(this HospitalApp app)
    {
        using var anonymous = app.NewClient();
        var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the first series named <paramref name="series"/> whose labels include every one given (0 when absent).</summary>
    public static double Value(string metrics, string series, params (string Name, string Value)[] labels)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + "{", StringComparison.Ordinal)
            && labels.All(label => l.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)));
        return line is null ? 0 : double.Parse(Number().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\} ([0-9.eE+-]+)")]
    private static partial Regex Number();
}
