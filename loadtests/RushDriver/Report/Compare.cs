using System.Globalization;
using System.Text.Json;

namespace HospitalOrleans.RushDriver.Report;

/// <summary>One run of the comparison: which variant, how many clients, which repeat, how it ended.</summary>
public sealed record ComparedRun(string Variant, int Clients, int Repeat, int ExitCode, RunSummary? Summary)
{
    public PhaseResult? Phase(string name) => Summary?.Phases.FirstOrDefault(p => p.Name == name);

    public double? Value(Func<ComparedRun, double?> metric) => Summary is null ? null : metric(this);
}

/// <summary>
/// The figures of the comparison table, each a function of one run; medians over repeats, and the
/// platform ÷ baseline ratios taken repeat by repeat (the variants of one repeat ran back to back).
/// </summary>
public static class Compare
{
    /// <summary>A column of the table: one figure, or two shown as "a / b" (p50 / p99).</summary>
    public sealed record Column(string Header, Func<ComparedRun, double?> First, Func<ComparedRun, double?>? Second = null);

    public static readonly Column[] Columns =
    [
        new("fill: time to sold out (s)", r => r.Phase("fill")?.TimeToSoldOutSeconds),
        new("fill: req/s", r => r.Phase("fill")?.RequestsPerSecond),
        new("fill: book p50 / p99 (ms)", r => Kind(r, "fill", "book")?.P50, r => Kind(r, "fill", "book")?.P99),
        new("sold-out: req/s", r => r.Phase("soldout")?.RequestsPerSecond),
        new("sold-out: book p50 / p99 (ms)", r => Kind(r, "soldout", "book")?.P50, r => Kind(r, "soldout", "book")?.P99),
        new("sold-out: read p50 / p99 (ms)", r => Kind(r, "soldout", "read")?.P50, r => Kind(r, "soldout", "read")?.P99),
        new("sustained: booked/s", r => r.Phase("sustained")?.BookedPerSecond),
        new("sustained: book p50 / p99 (ms)", r => Kind(r, "sustained", "book")?.P50, r => Kind(r, "sustained", "book")?.P99),
        new("HTTP ceiling: req/s", r => r.Phase("ceiling")?.RequestsPerSecond),
        new("HTTP ceiling: p50 / p99 (ms)", r => Kind(r, "ceiling", "ceiling")?.P50, r => Kind(r, "ceiling", "ceiling")?.P99),
    ];

    /// <summary>Ratios shown per platform variant and baseline: platform ÷ baseline of the same repeat.</summary>
    public static readonly (string Name, Func<ComparedRun, double?> Get)[] Ratios =
    [
        ("fill time to sold out", r => r.Phase("fill")?.TimeToSoldOutSeconds),
        ("sold-out req/s", r => r.Phase("soldout")?.RequestsPerSecond),
        ("sold-out book p99", r => Kind(r, "soldout", "book")?.P99),
        ("sustained booked/s", r => r.Phase("sustained")?.BookedPerSecond),
        ("sustained book p99", r => Kind(r, "sustained", "book")?.P99),
    ];

    /// <summary>Reads <c>runs.tsv</c> (variant, clients, repeat, exit code, directory) and each run's summary.json.</summary>
    public static async Task<IReadOnlyList<ComparedRun>> LoadAsync(string runsFile)
    {
        var runs = new List<ComparedRun>();
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(runsFile))!;
        foreach (var line in await File.ReadAllLinesAsync(runsFile))
        {
            var f = line.Split('\t');
            if (f.Length < 5 || f[0] == "variant") continue;
            var dir = Path.IsPathRooted(f[4]) ? f[4] : Path.Combine(baseDir, f[4]);
            var summaryFile = Path.Combine(dir, "summary.json");
            RunSummary? summary = null;
            if (File.Exists(summaryFile))
            {
                await using var stream = File.OpenRead(summaryFile);
                summary = await JsonSerializer.DeserializeAsync<RunSummary>(stream, JsonReport.Options);
            }
            runs.Add(new ComparedRun(f[0], Int(f[1]), Int(f[2]), Int(f[3]), summary));
        }
        return runs;
    }

    public static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The median over repeats of platform ÷ baseline, each repeat's pair measured back to back.</summary>
    public static double? PairedRatio(IReadOnlyList<ComparedRun> runs, string platform, string baseline, int clients, Func<ComparedRun, double?> metric) =>
        Median(runs.Where(r => r.Variant == platform && r.Clients == clients).Select(p =>
        {
            var b = runs.FirstOrDefault(r => r.Variant == baseline && r.Clients == clients && r.Repeat == p.Repeat);
            var (pv, bv) = (p.Value(metric), b?.Value(metric));
            return pv is { } x && bv is { } y && y > 0 ? x / y : (double?)null;
        }));

    private static KindResult? Kind(ComparedRun run, string phase, string kind) => run.Phase(phase)?.Kinds.GetValueOrDefault(kind);

    public static bool IsPlatform(string variant) => variant.StartsWith("platform", StringComparison.Ordinal);

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
