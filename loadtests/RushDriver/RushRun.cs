using System.Globalization;
using HospitalOrleans.RushDriver.Audit;
using HospitalOrleans.RushDriver.Report;

namespace HospitalOrleans.RushDriver;

/// <summary>A whole run: sign staff in, read both days, run the phases, audit, write the reports.</summary>
public static class RushRun
{
    public static async Task<int> RunAsync(RushOptions options, CancellationToken cancel)
    {
        var concurrency = options.Rate is { } rate ? Math.Min(options.MaxInFlight, rate) : options.Clients;
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, concurrency + 16), Math.Max(io, concurrency + 16));
        Directory.CreateDirectory(options.Out);
        var startedAt = DateTimeOffset.UtcNow;

        using var http = new RushHttp(concurrency + 16, options.RequestTimeout);
        await using var watch = new ProcessWatch(options.WatchPids);
        StaffSessions staff = StaffSessions.None;
        RushDay dayR = new(RushCalendar.DayR(options), []), dayS = new(RushCalendar.DayS(options), []);
        try
        {
            if (!options.CeilingOnly)
            {
                (dayR, dayS) = await ReadDaysAsync(http, options, cancel);
                staff = await SignInStaffAsync(http, options, cancel);
            }
            if (dayR.Pools.Count == 0 && options.Phases.Any(p => p is PhaseName.Fill or PhaseName.SoldOut)) throw new InvalidOperationException($"Day R {dayR.Date:yyyy-MM-dd} has no pools at {options.Fronts[0]}.");
            if (dayS.Pools.Count == 0 && options.Phases.Contains(PhaseName.Sustained)) throw new InvalidOperationException($"Day S {dayS.Date:yyyy-MM-dd} has no pools at {options.Fronts[0]}.");
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"The run could not start: {e.Message}");
            return 2;
        }
        var ratioDepartment = dayR.RatioDepartment(options.RatioDepartment);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Target}: day R {dayR.Date:yyyy-MM-dd} {dayR.Pools.Count} pools ({dayR.FamousCount} famous, {dayR.KnownOnlineRemaining:N0} online numbers left), day S {dayS.Date:yyyy-MM-dd} {dayS.Pools.Count} pools ({dayS.KnownOnlineRemaining:N0} left); {(options.OpenLoop ? $"open loop {options.Rate}/s" : $"{options.Clients} clients")}"));

        var ledger = new BookingLedger();
        var patients = new PatientSupply(http, options.Fronts, options.FirstPatient);
        var attempts = new Attempts(options, http, patients, staff, dayR, dayS, ledger);
        var runner = new PhaseRunner(options, patients, attempts, dayR, dayS);
        var phases = new List<PhaseResult>();
        foreach (var phase in options.Phases)
        {
            if (cancel.IsCancellationRequested) break;
            phases.Add(await runner.RunAsync(phase, cancel));
        }

        var audit = options.Audit && !options.CeilingOnly ? await AuditAsync(options, http, staff, [dayR, dayS], ledger) : AuditReport.Skipped;
        var summary = new RunSummary
        {
            Target = options.Target,
            Mode = options.OpenLoop ? "open" : "closed",
            Clients = options.OpenLoop ? null : options.Clients,
            Rate = options.Rate,
            MaxInFlight = options.OpenLoop ? options.MaxInFlight : null,
            Fronts = options.Fronts.Select(f => f.ToString()).ToList(),
            StartedAt = startedAt,
            FinishedAt = DateTimeOffset.UtcNow,
            CommandLine = options.CommandLine,
            Days = new RunDays(dayR.Date, dayS.Date, dayR.Pools.Count, dayS.Pools.Count, dayR.Pools.Sum(p => p.OnlineQuota), dayR.FamousCount, ratioDepartment),
            Phases = phases,
            BookingsAnswered201 = ledger.Count,
            Audit = audit,
            Processes = watch.Peaks(),
            Machine = MachineInfo.Current(),
            DriverErrors = attempts.DriverErrors,
            Notes = Notes(options, phases),
        };
        await JsonReport.WriteAsync(summary, Path.Combine(options.Out, "summary.json"));
        await HtmlReport.WriteAsync(summary, Path.Combine(options.Out, "report.html"));
        Console.WriteLine($"audit: {(audit.Sections.Count == 0 ? "not run" : audit.Clean ? "clean" : "VIOLATIONS")}");
        foreach (var section in audit.Sections)
        {
            Console.WriteLine($"  {section.Source}: {(section.Error is not null ? "could not run: " + section.Error : section.Clean ? "clean" : $"{section.ViolationCount} violations")} ({section.Pools} pools, {section.Bookings:N0} bookings, {section.LedgerChecked:N0} 201s checked)");
            foreach (var violation in section.Violations.Take(10)) Console.WriteLine($"    {violation}");
        }
        Console.WriteLine($"reports: {Path.Combine(options.Out, "summary.json")}, {Path.Combine(options.Out, "report.html")}");
        return audit.Clean ? cancel.IsCancellationRequested ? 2 : 0 : 1;
    }

    /// <summary>
    /// Reads both days; with <c>--wait</c>, until the days the phases need have pools and two reads a
    /// second apart agree (a platform seeding its rush day answers with fewer pools for a while).
    /// </summary>
    private static async Task<(RushDay R, RushDay S)> ReadDaysAsync(RushHttp http, RushOptions options, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + options.Wait;
        var needsR = options.Phases.Any(p => p is PhaseName.Fill or PhaseName.SoldOut);
        var needsS = options.Phases.Contains(PhaseName.Sustained);
        (int R, int S)? last = null;
        while (true)
        {
            try
            {
                var r = await ReadDayAsync(http, options.Fronts[0], RushCalendar.DayR(options));
                var s = await ReadDayAsync(http, options.Fronts[0], RushCalendar.DayS(options));
                var counts = (r.Pools.Count, s.Pools.Count);
                var complete = (!needsR || counts.Item1 > 0) && (!needsS || counts.Item2 > 0);
                if (DateTime.UtcNow >= deadline || (complete && counts == last)) return (r, s);
                last = counts;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
        }
    }

    /// <summary>Staff accounts may be created just after the target starts answering: a few tries, within the sign-in rate limit.</summary>
    private static async Task<StaffSessions> SignInStaffAsync(RushHttp http, RushOptions options, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + options.Wait;
        while (true)
        {
            try
            {
                return await StaffSessions.SignInAsync(http, options.Fronts, options.StaffPassword);
            }
            catch (InvalidOperationException) when (DateTime.UtcNow + TimeSpan.FromSeconds(3) < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), cancel);
            }
        }
    }

    internal static async Task<RushDay> ReadDayAsync(RushHttp http, Uri front, DateOnly date)
    {
        var answer = await http.SendAsync(null, RequestKind.Read, HttpMethod.Get, front, $"/api/schedule?date={date:yyyy-MM-dd}", null, null);
        if (!answer.IsSuccess) throw new InvalidOperationException($"GET /api/schedule?date={date:yyyy-MM-dd} answered {answer.Status} {answer.Outcome}.");
        return RushDay.FromSchedule(date, answer.Json());
    }

    private static async Task<AuditReport> AuditAsync(RushOptions options, RushHttp http, StaffSessions staff, RushDay[] days, BookingLedger ledger)
    {
        Console.WriteLine($"auditing {ledger.Count:N0} answered bookings through the API{(options.Stores.Count > 0 ? " and " + string.Join(", ", options.Stores.Select(s => s.Split(':')[0])) : "")}…");
        var byPool = ledger.ByPool();
        var sections = new List<AuditSection>();
        try
        {
            sections.Add(await new ApiAudit(http, options.Fronts[0], staff.Clerk(0)).RunAsync(days, byPool));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            sections.Add(PoolChecks.Failed(ApiAudit.Source, e));
        }
        foreach (var store in options.Stores)
        {
            IStoreAudit plugin;
            try
            {
                plugin = StoreAudits.Create(store);
            }
            catch (ArgumentException e)
            {
                sections.Add(PoolChecks.Failed("store:" + store.Split(':')[0], e));
                continue;
            }
            sections.Add(await StoreAudits.RunAsync(plugin, byPool, CancellationToken.None));
        }
        return new AuditReport(sections.All(s => s.Clean), sections);
    }

    private static IReadOnlyList<string> Notes(RushOptions options, IReadOnlyList<PhaseResult> phases)
    {
        var notes = new List<string> { "The load generator runs on the same machine and shares its cores with the target." };
        if (options.Target.Contains("redis", StringComparison.OrdinalIgnoreCase))
            notes.Add("redis: a 201 is in Redis memory and its append-only file fsynced once a second (appendfsync everysec): up to about a second of acknowledged bookings can be lost in a crash — less durable than the other targets.");
        if (options.CeilingOnly)
            notes.Add("Ceiling: GET /ceiling answers a small body from the host's memory; nothing is booked or audited. It is what HTTP alone costs here.");
        if (options.OpenLoop)
            notes.Add("Open loop: the rate counts attempts (an availability read and a booking in fill and soldout, one booking in sustained), started on schedule whatever the answers take.");
        foreach (var phase in phases.Where(p => p.Name == "fill" && p.TimeToSoldOutSeconds is null))
            notes.Add($"fill did not sell out: {phase.EndReason}.");
        return notes;
    }
}
