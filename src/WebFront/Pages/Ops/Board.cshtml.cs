using System.Globalization;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Operations;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Operations;
using HospitalOrleans.WebFront.Apis;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Ops;

/// <summary>
/// Operations' board: two days of clinics by department, the online and window fill of each
/// (kept live by board.js polling the public schedule API), and the controls that move the online share.
/// </summary>
[Authorize(Policy = Policies.Operations)]
public sealed class BoardModel(IGrainFactory grains, HospitalClock clock, BookingCalendar calendar) : HospitalPageModel
{
    private HospitalDirectory? _directory;

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public DateOnly Start { get; private set; }

    public DateOnly? Earlier { get; private set; }

    public DateOnly? Later { get; private set; }

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<BoardDay> Days { get; private set; } = [];

    public IReadOnlyList<DepartmentDto> Departments { get; private set; } = [];

    /// <summary>Every silo and web front, and whether it is up.</summary>
    public ClusterStatus Cluster { get; private set; } = new([], []);

    /// <summary>The form a failed change came from, reopened with what was typed.</summary>
    public RatioForm Form { get; private set; } = new(null, null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>The system-status section alone, redrawn by board.js every 10 s.</summary>
    public async Task<IActionResult> OnGetClusterStatusAsync() =>
        Partial("_ClusterStatus", await ClusterStatusReader.ReadAsync(grains, clock.Now));

    public async Task<IActionResult> OnPostRatioAsync(string? poolId, int? percent, string? reason)
    {
        await LoadAsync();
        Form = new RatioForm(poolId, null, null, null, percent, reason);
        if (Check(percent, reason) is { } problem) return Fail(problem, StatusCodes.Status400BadRequest);
        if (!PoolId.TryParse(poolId, out _)) return Fail(T.UnknownPool, StatusCodes.Status404NotFound);

        var result = await grains.Pool(poolId).ChangeRatioAsync(new ChangeRatio(percent!.Value, User.Name(), reason!.Trim()));
        if (result.Outcome != PoolOutcome.Ok || result.Pool is not { } pool) return Fail(result.Outcome, PageAction.Ratio);
        Notice = T.RatioChanged(Describe(pool), pool.OnlinePercent, pool.OnlineQuota, pool.WindowQuota);
        return RedirectToPage(new { date = Date });
    }

    /// <summary>A whole department over a date range: the same grains and rules as PUT /api/online-ratio.</summary>
    public async Task<IActionResult> OnPostDepartmentAsync(string? departmentId, string? from, string? to, int? percent, string? reason)
    {
        await LoadAsync();
        Form = new RatioForm(null, departmentId, from, to, percent, reason);
        var problems = new List<string>();
        if (string.IsNullOrEmpty(departmentId) || _directory!.FindDepartment(departmentId) is null) problems.Add(T.DepartmentRequired);
        if (!TryDate(from, out var first) || !TryDate(to, out var last) || last < first
            || !calendar.IsVisible(first, Now) || !calendar.IsVisible(last, Now)) problems.Add(T.RangeInvalid);
        if (Check(percent, reason) is { } problem) problems.Add(problem);
        if (problems.Count > 0) return Fail(string.Join(" ", problems), StatusCodes.Status400BadRequest);

        var answer = await RatioApi.ChangeMany(
            new BulkRatioRequest("department", departmentId, from, to, percent, reason), User, grains, clock, calendar);
        if (answer is not Ok<BulkRatioResult> { Value: { } result }) return Fail(T.Invalid, StatusCodes.Status400BadRequest);
        Notice = T.BulkChanged(result.Changed, result.Pools.Count - result.Changed);
        return RedirectToPage(new { date = Date });
    }

    private string? Check(int? percent, string? reason)
    {
        var problems = new List<string>();
        if (percent is not (>= 0 and <= 100)) problems.Add(T.PercentInvalid);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200) problems.Add(T.ReasonRequired);
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    private string Describe(PoolView pool)
    {
        var doctor = _directory!.FindDoctor(pool.DoctorId);
        var name = doctor is null ? pool.DoctorId : T.Name(doctor.Name, doctor.NameEn);
        return $"{name} {T.Day(pool.Date)} {T.SessionName(pool.Session)}";
    }

    private async Task LoadAsync()
    {
        Now = clock.Now;
        var today = HospitalTime.Today(Now);
        FirstDay = today.AddDays(-calendar.PastDaysVisible);
        LastDay = today.AddDays(calendar.DaysShown - 1);
        Start = TryDate(Date, out var asked) && calendar.IsVisible(asked, Now) ? asked : today;
        Date = Format.IsoDate(Start);
        Earlier = Start.AddDays(-2) >= FirstDay ? Start.AddDays(-2) : null;
        Later = Start.AddDays(2) <= LastDay ? Start.AddDays(2) : null;

        var cluster = ClusterStatusReader.ReadAsync(grains, Now);
        _directory = await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync();
        Cluster = await cluster;
        Departments = _directory.Departments.Select(DepartmentDto.From).ToList();
        var days = new[] { Start, Start.AddDays(1) }.Where(d => calendar.IsVisible(d, Now)).ToList();
        var schedules = await Task.WhenAll(days.Select(day => ScheduleReader.ReadAsync(grains, _directory, day, null)));
        Days = days.Select((day, i) => new BoardDay(day, schedules[i]
                .GroupBy(entry => entry.Department.Id)
                .Select(group => new BoardDepartment(group.First().Department, group.ToList()))
                .ToList()))
            .ToList();
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

public sealed record BoardDay(DateOnly Date, IReadOnlyList<BoardDepartment> Departments);

public sealed record BoardDepartment(DepartmentDto Department, IReadOnlyList<ScheduleEntry> Pools);

public sealed record RatioForm(string? PoolId, string? DepartmentId, string? From, string? To, int? Percent, string? Reason);
