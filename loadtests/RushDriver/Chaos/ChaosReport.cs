using System.Globalization;
using System.Text;
using System.Text.Json;
using HospitalOrleans.RushDriver.Report;

namespace HospitalOrleans.RushDriver.Chaos;

/// <summary>
/// <c>RushDriver chaos-report</c>: one table per fault of loadtests/scripts/chaos.sh, from each fault's
/// directory (summary.json of the run, fault.at with the moment of each strike, deadlines.json,
/// driver.exit), written between the chaos markers of docs/reliability.md.
/// </summary>
public static class ChaosReport
{
    public const string Begin = "<!-- chaos:begin -->";
    public const string End = "<!-- chaos:end -->";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>A second is bad when requests failed (5xx, timeouts, transport errors) or nothing was booked.</summary>
    public static bool IsBad(SecondSample second) => second.Errors > 0 || second.Booked == 0;

    /// <summary>
    /// From the strike to the start of booking working again: the first run of three seconds with
    /// bookings and no failures after the first bad second that follows the strike (before the next
    /// strike). Zero when no second after the strike was bad. Requests that were in flight on a
    /// killed silo and fail later (timeouts) are counted among the errors, not here.
    /// </summary>
    public static TimeSpan Hiccup(IReadOnlyList<(DateTimeOffset End, SecondSample Second)> seconds, DateTimeOffset strike, DateTimeOffset until)
    {
        var after = seconds.Where(s => s.End > strike && s.End <= until).OrderBy(s => s.End).ToList();
        var firstBad = after.FindIndex(s => IsBad(s.Second));
        if (firstBad < 0) return TimeSpan.Zero;
        for (var i = firstBad + 1; i + 2 < after.Count; i++)
            if (!IsBad(after[i].Second) && !IsBad(after[i + 1].Second) && !IsBad(after[i + 2].Second))
                return after[i].End - TimeSpan.FromSeconds(after[i].Second.Seconds) - strike;
        return (after.Count > 0 ? after[^1].End : strike) - strike;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string? outDir = null, doc = null, command = "loadtests/scripts/chaos.sh";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--out": outDir = args[i + 1]; break;
                case "--doc": doc = args[i + 1]; break;
                case "--command": command = args[i + 1]; break;
                default: Console.Error.WriteLine($"Unknown option '{args[i]}'."); return 2;
            }
        }
        if (outDir is null)
        {
            Console.Error.WriteLine("RushDriver chaos-report --out DIR [--doc FILE] [--command TEXT]");
            return 2;
        }
        var md = new StringBuilder();
        md.Append(Begin).Append("\n## Faults during the rush, measured (").Append(DateTime.UtcNow.ToString("yyyy-MM-dd", C)).Append(")\n\n")
            .Append("Made by one command (issue 7):\n\n```sh\n").Append(command).Append("\n```\n\n")
            .Append("Each fault ran on a fresh cluster from `scripts/cluster.sh` (3 silos, 2 web fronts behind nginx, PostgreSQL, all on this 2-core machine with the driver) with the rush day loaded; the driver filled day R through the proxy, then booked day S, while the fault struck. ")
            .Append("*Time until booking works again*: from the strike to the start of the first three seconds in a row with bookings and no failed request, after the first second in which requests failed or nothing was booked (driver's per-second record; 0 when no such second followed). Requests that were in flight on a killed process and timed out later are in the errors. ")
            .Append("*Deadlines*: a minute after the run (holds are 1 minute long), online bookings still held past their deadline by more than 75 s.\n\n");
        var all = true;
        foreach (var dir in Directory.GetDirectories(outDir).Order(StringComparer.Ordinal))
        {
            var fault = Path.GetFileName(dir);
            var summaryPath = Path.Combine(dir, "summary.json");
            if (!File.Exists(summaryPath)) { md.Append(C, $"### {fault}\n\nThe run made no summary (see {dir}/driver.log).\n\n"); all = false; continue; }
            var summary = JsonSerializer.Deserialize<RunSummary>(await File.ReadAllTextAsync(summaryPath), JsonReport.Options)!;
            var strikes = File.Exists(Path.Combine(dir, "fault.at"))
                ? (await File.ReadAllLinesAsync(Path.Combine(dir, "fault.at"))).Where(l => l.Length > 0).Select(l => DateTimeOffset.Parse(l, C)).ToList()
                : [];
            var deadlines = File.Exists(Path.Combine(dir, "deadlines.json"))
                ? JsonSerializer.Deserialize<Deadlines.Result>(await File.ReadAllTextAsync(Path.Combine(dir, "deadlines.json")), JsonReport.Options)
                : null;
            var seconds = summary.Phases.SelectMany(p => p.Seconds.Select(s => (End: p.StartedAt + TimeSpan.FromSeconds(s.At), Second: s))).ToList();
            var counts = summary.Phases.SelectMany(p => p.OutcomeCounts).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
            var errors = counts.Where(c => c.Key.Contains("/5xx:", StringComparison.Ordinal) || c.Key.EndsWith("/timeout", StringComparison.Ordinal) || c.Key.EndsWith("/transport-error", StringComparison.Ordinal))
                .OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:N0}").ToList();
            all &= summary.Audit.Clean && deadlines is { HeldPastDeadline: 0 };

            md.Append(C, $"### {fault}\n\n| what | result |\n|---|---|\n");
            md.Append(C, $"| bookings answered 201 | {summary.BookingsAnswered201:N0} |\n");
            md.Append(C, $"| every 201 present afterwards, no serial twice, no quota exceeded | {(summary.Audit.Clean ? "yes (audit clean: " + string.Join(", ", summary.Audit.Sections.Select(s => $"{s.Source} {s.Bookings:N0} bookings")) + ")" : "**no**: " + string.Join("; ", summary.Audit.Sections.SelectMany(s => s.Violations).Take(5)))} |\n");
            for (var i = 0; i < strikes.Count; i++)
            {
                var until = i + 1 < strikes.Count ? strikes[i + 1] : strikes[i] + TimeSpan.FromMinutes(2);
                md.Append(C, $"| strike {i + 1} at {(strikes[i] - summary.StartedAt).TotalSeconds:F1} s: time until booking works again | {Hiccup(seconds, strikes[i], until).TotalSeconds:F1} s |\n");
            }
            md.Append(C, $"| errors by kind (whole run) | {(errors.Count == 0 ? "none" : string.Join(", ", errors))} |\n");
            md.Append(C, $"| payment deadlines after the fault | {(deadlines is null ? "not checked" : deadlines.HeldPastDeadline == 0 ? $"fired: {deadlines.Expired:N0} expired, none overdue ({deadlines.Held:N0} still held, not yet due)" : $"**{deadlines.HeldPastDeadline} overdue**")} |\n");
            md.Append(C, $"| peak working set | {string.Join(", ", summary.Processes.Where(p => !p.Name.Contains("RushDriver", StringComparison.Ordinal)).Select(p => $"{p.Name} {p.PeakWorkingSetBytes / 1048576} MiB"))} |\n\n");
        }
        md.Append(End).Append('\n');
        var section = md.ToString();
        await File.WriteAllTextAsync(Path.Combine(outDir, "reliability-section.md"), section);
        if (doc is not null) await Markdown.ReplaceSectionAsync(doc, section, Begin, End);
        Console.Write(section);
        return all ? 0 : 1;
    }
}
