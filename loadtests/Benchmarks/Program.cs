using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using HospitalOrleans.Benchmarks;

if (args is ["--sizes"])
{
    StateSizes.Print(Console.Out);
    return 0;
}

// Reports go next to this project (bin/Release/net10.0 is three folders down), wherever it is run
// from; BenchmarkDotNet's own --artifacts still wins.
var artifacts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BenchmarkDotNet.Artifacts"));
var config = DefaultConfig.Instance.WithArtifactsPath(artifacts);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
