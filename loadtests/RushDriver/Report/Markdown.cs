using System.Globalization;
using System.Text;

namespace HospitalOrleans.RushDriver.Report;

/// <summary>
/// <c>RushDriver compare</c>: turns the runs of loadtests/scripts/compare.sh into the section of
/// docs/performance.md between <c>&lt;!-- rush:begin --&gt;</c> and <c>&lt;!-- rush:end --&gt;</c>.
/// </summary>
public static class Markdown
{
    public const string Begin = "<!-- rush:begin -->";
    public const string End = "<!-- rush:end -->";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public const string Usage = """
        RushDriver compare --runs RUNS.tsv --doc docs/performance.md --command "…" [--settings "…"]
          Reads the runs listed in RUNS.tsv (variant, clients, repeat, exit code, directory of summary.json),
          and writes the medians, the platform ÷ baseline ratios and the peak working sets between the
          rush markers of the document (adding the markers at its end when missing).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? runs = null, doc = null, command = "", settings = "";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--runs": runs = args[i + 1]; break;
                case "--doc": doc = args[i + 1]; break;
                case "--command": command = args[i + 1]; break;
                case "--settings": settings = args[i + 1]; break;
                default: Console.Error.WriteLine($"Unknown option '{args[i]}'.\n{Usage}"); return 2;
            }
        }
        if (runs is null || doc is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var loaded = await Compare.LoadAsync(runs);
        var section = Render(loaded, command, settings);
        await File.WriteAllTextAsync(Path.ChangeExtension(runs, ".md"), section);
        await ReplaceSectionAsync(doc, section);
        Console.Write(section);
        return 0;
    }

    public static string Render(IReadOnlyList<ComparedRun> runs, string command, string settings)
    {
        var md = new StringBuilder();
        var variants = runs.Select(r => r.Variant).Distinct().ToList();
        var clientCounts = runs.Select(r => r.Clients).Distinct().Order().ToList();
        var repeats = runs.Select(r => r.Repeat).DefaultIfEmpty(0).Max();
        var machine = runs.Select(r => r.Summary?.Machine).OfType<MachineInfo>().FirstOrDefault();
        var when = runs.Select(r => r.Summary?.StartedAt).OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.UtcNow).Min();

        md.Append(C, $"{Begin}\n## The 07:00 rush, measured ({when:yyyy-MM-dd})\n\n");
        md.Append("Made by one command (issue 6; the workload is loadtests/README.md):\n\n```sh\n").Append(command).Append("\n```\n\n");
        if (machine is not null)
            md.Append(C, $"Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryBytes / (1024.0 * 1024 * 1024):F0} GiB, {machine.Os}, {machine.DotNet}. ");
        md.Append(C, $"**The load generator (RushDriver) shares the {machine?.Cores ?? 2} cores with the target and its store**, so every figure is lower than the target alone would reach. ");
        md.Append(C, $"Each figure is the median of {repeats} runs, each on a fresh store; the variants of one repeat ran back to back. {settings}\n\n");

        foreach (var clients in clientCounts)
        {
            md.Append(C, $"### {clients} clients (closed loop)\n\n| variant |");
            var shown = Compare.Columns.Where(c => runs.Any(r => r.Clients == clients && r.Value(c.First) is not null)).ToList();
            foreach (var column in shown) md.Append(' ').Append(column.Header).Append(" |");
            md.Append(" runs ok, audit |\n|---|").Append(string.Concat(shown.Select(_ => "---:|"))).Append("---|\n");
            foreach (var variant in variants)
            {
                var these = runs.Where(r => r.Variant == variant && r.Clients == clients).ToList();
                if (these.Count == 0) continue;
                md.Append("| ").Append(variant).Append(" |");
                foreach (var column in shown)
                {
                    var first = Compare.Median(these.Select(r => r.Value(column.First)));
                    md.Append(' ').Append(Format(first));
                    if (column.Second is { } second && first is not null) md.Append(" / ").Append(Format(Compare.Median(these.Select(r => r.Value(second)))));
                    md.Append(" |");
                }
                md.Append(' ').Append(Verdict(these)).Append(" |\n");
            }
            md.Append('\n');
            Ratios(md, runs, variants, clients);
        }
        Memory(md, runs, variants, clientCounts);
        Failures(md, runs);
        md.Append("Latencies are from sending a request to the last byte of its answer (HdrHistogram, µs resolution). ")
            .Append("\"fill\" books day R from full pools until every online number is gone, with 2 clerks drawing window numbers and one operations change (one department 50 % → 60 % online) midway; ")
            .Append("\"sold-out\" is availability reads and attempts that end sold out; \"sustained\" books day S, every attempt a fresh patient; \"ceiling\" is the baselines host's `GET /ceiling` (HTTP alone). ")
            .Append("redis is less durable than the others: a 201 is in Redis's append-only file fsynced once a second, so up to about a second of acknowledged bookings can be lost in a crash. ")
            .Append("Each run's own report (report.html, summary.json) is in the output directory the command prints.\n")
            .Append(End).Append('\n');
        return md.ToString();
    }

    /// <summary>Replaces the text between the markers (inclusive) with <paramref name="section"/>, or appends it.</summary>
    public static async Task ReplaceSectionAsync(string docPath, string section, string beginMarker = Begin, string endMarker = End)
    {
        var text = File.Exists(docPath) ? await File.ReadAllTextAsync(docPath) : "";
        var begin = text.IndexOf(beginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        string updated;
        if (begin >= 0 && end > begin)
        {
            var after = end + endMarker.Length;
            if (after < text.Length && text[after] == '\n') after++;
            updated = text[..begin] + section + text[after..];
        }
        else
        {
            updated = text.TrimEnd('\n') + (text.Length > 0 ? "\n\n" : "") + section;
        }
        await File.WriteAllTextAsync(docPath, updated);
    }

    private static void Ratios(StringBuilder md, IReadOnlyList<ComparedRun> runs, IReadOnlyList<string> variants, int clients)
    {
        var platforms = variants.Where(Compare.IsPlatform).ToList();
        var baselines = variants.Where(v => !Compare.IsPlatform(v) && v != "ceiling").ToList();
        if (platforms.Count == 0 || baselines.Count == 0) return;
        md.Append(C, $"Platform ÷ baseline, {clients} clients (median over repeats of the ratio within a repeat; below 1× is better for the platform in time and latency, above 1× in throughput):\n\n| platform | baseline |");
        foreach (var r in Compare.Ratios) md.Append(C, $" {r.Name} |");
        md.Append("\n|---|---|").Append(string.Concat(Compare.Ratios.Select(_ => "---:|"))).Append('\n');
        foreach (var platform in platforms)
            foreach (var baseline in baselines)
            {
                md.Append(C, $"| {platform} | {baseline} |");
                foreach (var r in Compare.Ratios)
                    md.Append(' ').Append(Compare.PairedRatio(runs, platform, baseline, clients, r.Get) is { } x ? x.ToString("0.00", C) + "×" : "–").Append(" |");
                md.Append('\n');
            }
        if (variants.Contains("ceiling"))
        {
            md.Append('\n');
            foreach (var platform in platforms)
            {
                var share = Compare.PairedRatio(runs, platform, "ceiling", clients, r => r.Phase("soldout")?.RequestsPerSecond ?? r.Phase("ceiling")?.RequestsPerSecond);
                if (share is { } s) md.Append(C, $"{platform}: sold-out req/s is {s:P0} of the HTTP ceiling's req/s ({clients} clients).\n");
            }
        }
        md.Append('\n');
    }

    private static void Memory(StringBuilder md, IReadOnlyList<ComparedRun> runs, IReadOnlyList<string> variants, IReadOnlyList<int> clientCounts)
    {
        md.Append("### Peak working set (VmHWM, median over repeats, MiB)\n\n| variant | process |");
        foreach (var c in clientCounts) md.Append(C, $" {c} clients |");
        md.Append("\n|---|---|").Append(string.Concat(clientCounts.Select(_ => "---:|"))).Append('\n');
        foreach (var variant in variants)
        {
            var names = runs.Where(r => r.Variant == variant).SelectMany(r => r.Summary?.Processes ?? []).Select(p => p.Name).Distinct().ToList();
            foreach (var name in names)
            {
                md.Append(C, $"| {variant} | {name} |");
                foreach (var c in clientCounts)
                {
                    var peak = Compare.Median(runs.Where(r => r.Variant == variant && r.Clients == c)
                        .Select(r => r.Summary?.Processes.FirstOrDefault(p => p.Name == name)?.PeakWorkingSetBytes / 1048576.0));
                    md.Append(' ').Append(peak is { } p ? p.ToString("N0", C) : "–").Append(" |");
                }
                md.Append('\n');
            }
        }
        md.Append("\nPostgreSQL's own processes are not in this table (one backend per connection, shared buffers counted in each).\n\n");
    }

    private static void Failures(StringBuilder md, IReadOnlyList<ComparedRun> runs)
    {
        var bad = runs.Where(r => r.ExitCode != 0 || r.Summary is null || !r.Summary.Audit.Clean).ToList();
        var notSold = runs.Where(r => r.Phase("fill") is { TimeToSoldOutSeconds: null }).ToList();
        var errors = runs.Where(r => r.Summary?.Phases.Any(p => p.Outcomes.Server5xx + p.Outcomes.Timeouts + p.Outcomes.TransportErrors > 0) == true).ToList();
        if (bad.Count + notSold.Count + errors.Count == 0)
        {
            md.Append("Every run finished, sold day R out, answered no 5xx, timeout or transport error, and passed the invariant audit (through the API and directly against its store).\n\n");
            return;
        }
        md.Append("Runs to look at:\n\n");
        foreach (var r in bad)
            md.Append(C, $"- {r.Variant}, {r.Clients} clients, repeat {r.Repeat}: {(r.Summary is null ? $"no summary (exit code {r.ExitCode})" : r.Summary.Audit.Clean ? $"exit code {r.ExitCode}" : $"AUDIT FOUND VIOLATIONS: {string.Join("; ", r.Summary.Audit.Sections.Where(s => !s.Clean).Select(s => s.Error ?? $"{s.Source} {s.ViolationCount}"))}")}\n");
        foreach (var r in notSold)
            md.Append(C, $"- {r.Variant}, {r.Clients} clients, repeat {r.Repeat}: fill did not sell out ({r.Phase("fill")!.EndReason})\n");
        foreach (var r in errors)
            md.Append(C, $"- {r.Variant}, {r.Clients} clients, repeat {r.Repeat}: {r.Summary!.Phases.Sum(p => p.Outcomes.Server5xx):N0} 5xx, {r.Summary.Phases.Sum(p => p.Outcomes.Timeouts):N0} timeouts, {r.Summary.Phases.Sum(p => p.Outcomes.TransportErrors):N0} transport errors\n");
        md.Append('\n');
    }

    private static string Verdict(IReadOnlyList<ComparedRun> runs)
    {
        var ok = runs.Count(r => r.ExitCode == 0 && r.Summary is not null);
        var audited = runs.Where(r => r.Summary?.Audit.Sections.Count > 0).ToList();
        var audit = audited.Count == 0 ? "not audited" : audited.All(r => r.Summary!.Audit.Clean) ? "clean" : "**VIOLATIONS**";
        return string.Create(C, $"{ok}/{runs.Count}, {audit}");
    }

    private static string Format(double? value) => value switch
    {
        null => "–",
        >= 100 => value.Value.ToString("N0", C),
        >= 10 => value.Value.ToString("F1", C),
        _ => value.Value.ToString("F2", C),
    };
}
