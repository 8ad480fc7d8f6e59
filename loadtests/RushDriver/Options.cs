using System.Globalization;

namespace HospitalOrleans.RushDriver;

public enum PhaseName
{
    Fill,
    SoldOut,
    Sustained,
    /// <summary>The baselines host's <c>GET /ceiling</c>: what HTTP alone costs on this machine.</summary>
    Ceiling,
}

/// <summary>The driver's command line, parsed once. Durations take a unit: 500ms, 5s, 2m.</summary>
public sealed record RushOptions
{
    public string Target { get; init; } = "unnamed";
    public IReadOnlyList<Uri> Fronts { get; init; } = [new("http://127.0.0.1:5080")];
    public string StaffPassword { get; init; } = "";
    public int Clients { get; init; } = 32;
    /// <summary>Open loop when set: attempts started per second (an attempt is read + booking, or one booking in sustained).</summary>
    public int? Rate { get; init; }
    public int MaxInFlight { get; init; } = 256;
    public IReadOnlyList<PhaseName> Phases { get; init; } = [PhaseName.Fill, PhaseName.SoldOut, PhaseName.Sustained];
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public long? Requests { get; init; }
    public TimeSpan FillTimeout { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>Fill ends without every pool read at zero when only sold-out answers came for this long.</summary>
    public TimeSpan SoldOutQuiet { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How long to wait for a target that is still starting: staff accounts and both days' pools in place.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.Zero;
    public double ClerkRate { get; init; } = 2;
    public string? RatioDepartment { get; init; }
    public int FirstPatient { get; init; } = 1;
    public DateOnly? DayR { get; init; }
    public DateOnly? DayS { get; init; }
    public IReadOnlyList<string> Stores { get; init; } = [];
    public string Out { get; init; } = "rush-out";
    public IReadOnlyList<int> WatchPids { get; init; } = [];
    public bool Audit { get; init; } = true;
    public string CommandLine { get; init; } = "";

    public bool OpenLoop => Rate is not null;

    /// <summary>Only the HTTP ceiling: nothing is booked, so no day is read and nothing is audited.</summary>
    public bool CeilingOnly => Phases.All(p => p == PhaseName.Ceiling);

    public const string Usage = """
        RushDriver: the 07:00 rush against one target (loadtests/README.md).

          --target NAME            label in the report (e.g. platform-embedded, pg-atomic)
          --fronts URL[,URL…]      front addresses; virtual clients are spread over them (default http://127.0.0.1:5080)
          --staff-password PW      password of clerk1 and ops1 (default: $RUSH_STAFF_PASSWORD)
          --clients N              closed loop: N clients, each request after request (default 32)
          --rate N                 open loop instead: N attempts/s, at most --max-in-flight at once (default 256);
                                   an attempt due while the limit is reached is counted as not sent
          --phases LIST            fill,soldout,sustained (default all three, in that order); or ceiling alone:
                                   GET /ceiling of the baselines host for --duration (no days read, nothing to audit)
          --warmup 5s              unmeasured warm-up before each phase
          --duration 10s           length of soldout, sustained and ceiling
          --requests N             at most N attempts per phase
          --fill-timeout 3m        give up the fill after this long
          --sold-out-quiet 3s      the fill is also over when only sold-out answers came for this long
          --timeout 10s            per request
          --wait 0s                wait this long for a starting target (staff sign-in works, the days' pools are all there)
          --clerk-rate 2           window draws per second of each of the 2 clerk clients
          --ratio-department ID    department whose pools ops1 moves 50 % → 60 % mid-fill (default: first without a famous doctor)
          --first-patient N        first virtual patient number (P000001 = 1)
          --day-r / --day-s DATE   override the rush day and the sustained day (yyyy-MM-dd)
          --store KIND:ARG         store audit: postgres:<conn> | redis:<host:port> | sqlite:<hospital.db> | orleans-postgres:<conn>
          --no-audit               skip the invariant audit
          --watch-pid P[,P…]       processes whose peak working set goes in the report
          --out DIR                summary.json and report.html (default rush-out)
        Exit code: 0 clean, 1 audit found violations, 2 the run could not be made.
        RushDriver compare --help: the comparison table of loadtests/scripts/compare.sh.
        """;

    public static RushOptions Parse(string[] args)
    {
        var o = new RushOptions
        {
            StaffPassword = Environment.GetEnvironmentVariable("RUSH_STAFF_PASSWORD") ?? "",
            CommandLine = "RushDriver " + string.Join(' ', args.Select((a, i) => i > 0 && args[i - 1] == "--staff-password" ? "'***'" : Quote(a))),
        };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            o = name switch
            {
                "--target" => o with { Target = Value() },
                "--fronts" => o with { Fronts = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseUri).ToList() },
                "--staff-password" => o with { StaffPassword = Value() },
                "--clients" => o with { Clients = Positive(name, Value()) },
                "--rate" => o with { Rate = Positive(name, Value()) },
                "--max-in-flight" => o with { MaxInFlight = Positive(name, Value()) },
                "--phases" => o with { Phases = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParsePhase).ToList() },
                "--warmup" => o with { Warmup = ParseDuration(name, Value()) },
                "--duration" => o with { Duration = ParseDuration(name, Value()) },
                "--requests" => o with { Requests = Positive(name, Value()) },
                "--fill-timeout" => o with { FillTimeout = ParseDuration(name, Value()) },
                "--sold-out-quiet" => o with { SoldOutQuiet = ParseDuration(name, Value()) },
                "--timeout" => o with { RequestTimeout = ParseDuration(name, Value()) },
                "--wait" => o with { Wait = ParseDuration(name, Value()) },
                "--clerk-rate" => o with { ClerkRate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--ratio-department" => o with { RatioDepartment = Value() },
                "--first-patient" => o with { FirstPatient = Positive(name, Value()) },
                "--day-r" => o with { DayR = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--day-s" => o with { DayS = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--store" => o with { Stores = [.. o.Stores, Value()] },
                "--no-audit" => o with { Audit = false },
                "--watch-pid" => o with { WatchPids = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => Positive(name, p)).ToList() },
                "--out" => o with { Out = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }
        if (o.Fronts.Count == 0) throw new ArgumentException("--fronts needs at least one address.");
        return o;
    }

    public static TimeSpan ParseDuration(string name, string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
            throw new ArgumentException($"{name}: '{text}' is not a duration such as 500ms, 5s or 2m.");
        return TimeSpan.FromSeconds(value * unit);
    }

    private static PhaseName ParsePhase(string text) => text.Trim().ToLowerInvariant() switch
    {
        "fill" => PhaseName.Fill,
        "soldout" or "sold-out" => PhaseName.SoldOut,
        "sustained" => PhaseName.Sustained,
        "ceiling" => PhaseName.Ceiling,
        _ => throw new ArgumentException($"Unknown phase '{text}' (fill, soldout, sustained, ceiling)."),
    };

    private static Uri ParseUri(string text) =>
        Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"--fronts: '{text}' is not an http(s) address.");

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name}: '{text}' is not a positive whole number.");

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:,=@%+".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}

public static class PhaseNames
{
    public static string Label(this PhaseName phase) => phase switch
    {
        PhaseName.Fill => "fill",
        PhaseName.SoldOut => "soldout",
        PhaseName.Sustained => "sustained",
        PhaseName.Ceiling => "ceiling",
        _ => phase.ToString(),
    };
}
