using System.Globalization;
using System.Runtime.InteropServices;

namespace HospitalOrleans.RushDriver;

/// <summary>The machine the run was made on.</summary>
public sealed record MachineInfo(int Cores, long MemoryBytes, string Cpu, string Os, string DotNet)
{
    public static MachineInfo Current()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Select(Kilobytes).FirstOrDefault() ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new MachineInfo(Environment.ProcessorCount, memory, cpu, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
    }

    internal static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>"VmRSS:   123456 kB" → bytes.</summary>
    internal static long? Kilobytes(string line)
    {
        var parts = line.Split(':', 2)[1].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }
}

/// <summary>A watched process's peak working set: the kernel's high-water mark (VmHWM) and the largest VmRSS sampled.</summary>
public sealed record ProcessPeak(int Pid, string Name, string CommandLine, long PeakWorkingSetBytes, long MaxSampledRssBytes, bool Exited);

/// <summary>Samples /proc/{pid}/status of the watched processes (and the driver itself) once a second.</summary>
public sealed class ProcessWatch : IAsyncDisposable
{
    private readonly Dictionary<int, (string Name, string Command, long Hwm, long Rss, bool Exited)> _peaks = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ProcessWatch(IEnumerable<int> pids)
    {
        foreach (var pid in pids.Append(Environment.ProcessId).Distinct())
        {
            var args = Read($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            _peaks[pid] = (ProgramName(args, Read($"/proc/{pid}/comm").Trim()), string.Join(' ', args), 0, 0, false);
        }
        Sample();
        _loop = LoopAsync();
    }

    public IReadOnlyList<ProcessPeak> Peaks()
    {
        lock (_peaks)
        {
            Sample();
            return _peaks.Select(p => new ProcessPeak(p.Key, p.Key == Environment.ProcessId ? "RushDriver (this driver)" : p.Value.Name,
                p.Value.Command.Length > 300 ? p.Value.Command[..300] + "…" : p.Value.Command, p.Value.Hwm, p.Value.Rss, p.Value.Exited)).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                lock (_peaks) Sample();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        foreach (var pid in _peaks.Keys.ToList())
        {
            var status = MachineInfo.ReadLines($"/proc/{pid}/status").ToList();
            var peak = _peaks[pid];
            if (status.Count == 0)
            {
                _peaks[pid] = peak with { Exited = true };
                continue;
            }
            long Field(string name) => status.Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(MachineInfo.Kilobytes).FirstOrDefault() ?? 0;
            _peaks[pid] = peak with { Hwm = Math.Max(peak.Hwm, Field("VmHWM:")), Rss = Math.Max(peak.Rss, Field("VmRSS:")) };
        }
    }

    /// <summary>The program's file name ("HospitalOrleans.WebFront", "redis-server"), the assembly's when run by <c>dotnet x.dll</c>; comm is cut at 15 characters.</summary>
    private static string ProgramName(string[] args, string comm)
    {
        if (args.Length == 0) return comm;
        var program = Path.GetFileName(args[0]);
        if (program == "dotnet" && args.Length > 1 && args[1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) program = Path.GetFileNameWithoutExtension(args[1]);
        return program.Length > 0 ? program : comm;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
