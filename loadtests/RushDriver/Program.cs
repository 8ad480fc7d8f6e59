using HospitalOrleans.RushDriver;
using HospitalOrleans.RushDriver.Report;

if (args.Length > 0 && args[0] == "compare") return await Markdown.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "deadlines") return await HospitalOrleans.RushDriver.Chaos.Deadlines.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "chaos-report") return await HospitalOrleans.RushDriver.Chaos.ChaosReport.RunAsync(args[1..]);

if (args.Length == 0 || args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(RushOptions.Usage);
    return args.Length == 0 ? 2 : 0;
}

RushOptions options;
try
{
    options = RushOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(RushOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await RushRun.RunAsync(options, cancel.Token);
