using System.Globalization;
using System.Net;
using System.Text;
using HospitalOrleans.RushDriver.Audit;

namespace HospitalOrleans.RushDriver.Report;

/// <summary>report.html: one self-contained page (inline CSS and SVG, nothing fetched).</summary>
public static class HtmlReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] Palette = ["#2b7a0b", "#c0392b", "#e67e22", "#8e44ad", "#7f8c8d", "#2c3e50", "#d35400", "#16a085", "#f1c40f", "#34495e"];

    public static Task WriteAsync(RunSummary s, string path) => File.WriteAllTextAsync(path, Render(s));

    public static string Render(RunSummary s)
    {
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Rush: ").Append(E(s.Target)).Append("</title><style>")
            .Append("body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.2em}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
            .Append("pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap;word-break:break-all}.clean{background:#e6f4e1;border:2px solid #2b7a0b;padding:.6em}")
            .Append(".dirty{background:#fbe4e1;border:2px solid #c0392b;padding:.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}")
            .Append("</style></head><body>");
        h.Append(C, $"<h1>The 07:00 rush — {E(s.Target)}</h1>");
        h.Append(C, $"<p>{E(s.Mode == "closed" ? $"Closed loop, {s.Clients} clients" : $"Open loop, {s.Rate} attempts/s, at most {s.MaxInFlight} in flight")}; fronts {E(string.Join(", ", s.Fronts))}; ")
            .Append(C, $"day R {s.Days.R:yyyy-MM-dd} ({s.Days.PoolsR} pools, {s.Days.OnlineNumbersR:N0} online numbers, {s.Days.FamousPoolsR} famous), day S {s.Days.S:yyyy-MM-dd} ({s.Days.PoolsS} pools). ")
            .Append(C, $"{s.StartedAt:u} → {s.FinishedAt:u}.</p>");
        h.Append("<p>Command:</p><pre>").Append(E(s.CommandLine)).Append("</pre>");
        Audit(h, s.Audit);
        Summary(h, s.Phases);
        foreach (var phase in s.Phases) Phase(h, phase);
        Processes(h, s);
        h.Append("<h2>Notes</h2><ul>");
        foreach (var note in s.Notes) h.Append("<li>").Append(E(note)).Append("</li>");
        h.Append(C, $"<li>Machine: {s.Machine.Cores} cores, {s.Machine.MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB, {E(s.Machine.Cpu)}, {E(s.Machine.Os)}, {E(s.Machine.DotNet)}. The load generator runs on the same cores as the target.</li>");
        h.Append(C, $"<li>{s.BookingsAnswered201:N0} bookings were answered 201 during the run (warm-ups included); the audit looks for every one.</li>");
        if (s.DriverErrors > 0) h.Append(C, $"<li>{s.DriverErrors:N0} answers could not be understood by the driver.</li>");
        h.Append("</ul></body></html>");
        return h.ToString();
    }

    private static void Audit(StringBuilder h, AuditReport audit)
    {
        h.Append("<h2>Invariant audit</h2>");
        if (audit.Sections.Count == 0)
        {
            h.Append("<p>Not run (<code>--no-audit</code>).</p>");
            return;
        }
        h.Append(audit.Clean ? "<div class='clean'><b>CLEAN</b>: " : "<div class='dirty'><b>VIOLATIONS FOUND</b>: ")
            .Append("no serial twice in a pool, no channel over its quota, no patient twice (live) in a pool, every 201 present.</div>");
        h.Append("<table><tr><th>source</th><th>verdict</th><th>pools</th><th>bookings</th><th>201s checked</th><th>violations</th></tr>");
        foreach (var section in audit.Sections)
            h.Append(C, $"<tr><td>{E(section.Source)}</td><td>{(section.Error is not null ? "could not run" : section.Clean ? "clean" : "dirty")}</td><td>{section.Pools:N0}</td><td>{section.Bookings:N0}</td><td>{section.LedgerChecked:N0}</td><td>{section.ViolationCount:N0}</td></tr>");
        h.Append("</table>");
        foreach (var section in audit.Sections.Where(x => !x.Clean))
        {
            h.Append("<p><b>").Append(E(section.Source)).Append("</b>").Append(section.Error is null ? "" : ": " + E(section.Error)).Append("</p><ul>");
            foreach (var v in section.Violations) h.Append("<li>").Append(E(v)).Append("</li>");
            if (section.ViolationCount > section.Violations.Count) h.Append(C, $"<li>… and {section.ViolationCount - section.Violations.Count:N0} more</li>");
            h.Append("</ul>");
        }
    }

    private static void Summary(StringBuilder h, IReadOnlyList<PhaseResult> phases)
    {
        h.Append("<h2>Phases</h2><table><tr><th>phase</th><th>s</th><th>req/s</th><th>attempts/s</th><th>booked/s</th><th>book (or ceiling) p50</th><th>p90</th><th>p99</th><th>max</th><th>read p50</th><th>read p99</th><th>time to sold out</th><th>ended</th></tr>");
        foreach (var p in phases)
        {
            var book = p.Kinds.GetValueOrDefault("book") ?? p.Kinds.GetValueOrDefault("ceiling");
            var read = p.Kinds.GetValueOrDefault("read");
            h.Append(C, $"<tr><td>{E(p.Name)}</td><td>{p.DurationSeconds:F1}</td><td>{p.RequestsPerSecond:N0}</td><td>{p.AttemptsPerSecond:N0}</td><td>{p.BookedPerSecond:N0}</td>")
                .Append(C, $"<td>{Ms(book?.P50)}</td><td>{Ms(book?.P90)}</td><td>{Ms(book?.P99)}</td><td>{Ms(book?.Max)}</td><td>{Ms(read?.P50)}</td><td>{Ms(read?.P99)}</td>")
                .Append(C, $"<td>{(p.TimeToSoldOutSeconds is { } t ? t.ToString("F2", C) + " s" : "")}</td><td>{E(p.EndReason)}</td></tr>");
        }
        h.Append("</table><p>Latencies in milliseconds, from sending the request to the last byte of the answer.</p>");
    }

    private static void Phase(StringBuilder h, PhaseResult p)
    {
        h.Append(C, $"<h2>Phase {E(p.Name)}</h2>");
        h.Append(C, $"<p>{p.Attempts:N0} attempts in {p.DurationSeconds:F1} s; set-up (not measured): {p.Setup.PatientsSignedIn:N0} patients signed in in {p.Setup.SignInSeconds:F1} s, warm-up {p.Setup.WarmupSeconds:F1} s ({p.Setup.WarmupAttempts:N0} attempts)")
            .Append(p.Setup.OnTheFlySignIns > 0 ? string.Create(C, $"; {p.Setup.OnTheFlySignIns:N0} patients signed in during the phase (kind signIn)") : "")
            .Append(p.NotSent > 0 ? string.Create(C, $"; <b>{p.NotSent:N0} attempts not sent on time</b> (in-flight limit)") : "")
            .Append(".</p>");
        if (p.RatioChange is { } r)
            h.Append(C, $"<p>Operations moved {r.Changed}/{r.Pools} pools of {E(r.Department)} to 60 % online at {r.AtSeconds:F1} s (took {r.TookSeconds:F2} s, {r.OnlineNumbersAdded} online numbers added).</p>");
        // The last interval is the tail after the phase stopped (answers in flight): too short to chart.
        var seconds = p.Seconds.Where(x => x.Seconds >= 0.5).ToList();
        h.Append(Svg.LineChart($"{p.Name}: throughput", "per second",
        [
            new Series("requests/s", "#2c3e50", seconds.Select(x => (x.At, x.RequestsPerSecond)).ToList()),
            new Series("booked/s", "#2b7a0b", seconds.Select(x => (x.At, x.Booked / x.Seconds)).ToList()),
            new Series("sold-out/s", "#c0392b", seconds.Select(x => (x.At, x.SoldOut / x.Seconds)).ToList()),
        ]));
        var latency = new List<Series>();
        foreach (var (kind, colors) in new[] { ("book", ("#2b7a0b", "#8e44ad")), ("read", ("#2980b9", "#e67e22")), ("ceiling", ("#2980b9", "#e67e22")) })
        {
            var with = seconds.Where(x => x.Kinds.ContainsKey(kind)).ToList();
            if (with.Count == 0) continue;
            latency.Add(new Series($"{kind} p50", colors.Item1, with.Select(x => (x.At, x.Kinds[kind].P50)).ToList()));
            latency.Add(new Series($"{kind} p99", colors.Item2, with.Select(x => (x.At, x.Kinds[kind].P99)).ToList()));
        }
        h.Append(Svg.LineChart($"{p.Name}: latency", "ms", latency));
        var outcomes = p.OutcomeCounts.Where(o => !o.Key.StartsWith("signIn/", StringComparison.Ordinal)).OrderByDescending(o => o.Value).ToList();
        h.Append("<p>Outcome mix:</p>").Append(Svg.StackedBar($"{p.Name}: outcomes", outcomes.Select((o, i) => (o.Key, o.Value, Palette[i % Palette.Length])).ToList()));
        h.Append("<table><tr><th>kind</th><th>count</th><th>per s</th><th>p50</th><th>p90</th><th>p99</th><th>max</th></tr>");
        foreach (var (kind, k) in p.Kinds)
            h.Append(C, $"<tr><td>{E(kind)}</td><td>{k.Count:N0}</td><td>{k.PerSecond:N0}</td><td>{Ms(k.P50)}</td><td>{Ms(k.P90)}</td><td>{Ms(k.P99)}</td><td>{Ms(k.Max)}</td></tr>");
        h.Append("</table><table><tr><th>outcome</th><th>count</th></tr>");
        foreach (var (name, count) in p.OutcomeCounts) h.Append(C, $"<tr><td>{E(name)}</td><td>{count:N0}</td></tr>");
        h.Append("</table>");
    }

    private static void Processes(StringBuilder h, RunSummary s)
    {
        h.Append("<h2>Peak working set</h2><table><tr><th>pid</th><th>process</th><th>peak (VmHWM)</th><th>largest sampled RSS</th></tr>");
        foreach (var p in s.Processes)
            h.Append(C, $"<tr><td>{p.Pid}</td><td>{E(p.Name)}</td><td>{p.PeakWorkingSetBytes / 1048576.0:N0} MiB</td><td>{p.MaxSampledRssBytes / 1048576.0:N0} MiB{(p.Exited ? " (exited)" : "")}</td></tr>");
        h.Append("</table>");
    }

    private static string Ms(double? ms) => ms is { } v ? v.ToString(v < 10 ? "F2" : "F1", C) : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
