using System.Globalization;
using System.Security.Claims;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Billing;

/// <summary>
/// The money side of a day: the takings per channel (a clerk's own drawer, or every window for
/// finance) and the reconciliation against WeChat Pay's trade bill, run by hand or read back.
/// </summary>
public static class FinanceApi
{
    public static IEndpointRouteBuilder MapFinanceApi(this IEndpointRouteBuilder routes)
    {
        var finance = routes.MapGroup("/api/finance").WithTags("Finance");
        finance.MapGet("/takings", Takings).WithName("DayTakings").RequireAuthorization(Policies.ClerkOrFinance);
        finance.MapPost("/reconciliations/{day}", Reconcile).WithName("RunReconciliation").RequireAuthorization(Policies.Finance);
        finance.MapGet("/reconciliations/{day}", LatestReconciliation).WithName("GetReconciliation").RequireAuthorization(Policies.Finance);
        return routes;
    }

    /// <summary>
    /// A clerk sees only what they took and handed back (their drawer and POS terminal); finance and
    /// admin see every window, or one clerk's with <paramref name="clerk"/>.
    /// </summary>
    public static async Task<IResult> Takings(string? day, string? clerk, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Require(TryParseDay(day, out var date), "day", "The day as yyyy-MM-dd (hospital time).")
            .Require(clerk is null || (clerk.Length is > 0 and <= 64), "clerk", "A staff user name, up to 64 characters.");
        if (!check.IsValid) return check.ToProblem();
        var seesEveryWindow = user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin);
        if (!seesEveryWindow && clerk is not null && clerk != user.Name())
            return Problems.Problem(StatusCodes.Status403Forbidden, "not-own-drawer", "Not your drawer", "A clerk sees their own takings; finance sees every window.");
        var takenBy = seesEveryWindow ? clerk : user.Name();
        var ids = await grains.GetGrain<IBillingDayGrain>(BillingDays.Key(date)).GetInvoiceIdsAsync();
        var invoices = await Task.WhenAll(ids.Select(id => grains.GetGrain<IInvoiceGrain>(id).GetAsync()));
        return TypedResults.Ok(TakingsSummary.Of(invoices.OfType<Invoice>(), date, takenBy));
    }

    /// <summary>Runs now; a day still to come has nothing to compare and is refused.</summary>
    public static async Task<IResult> Reconcile(string day, ClaimsPrincipal user, IGrainFactory grains, HospitalClock clock)
    {
        if (!TryParseDay(day, out var date)) return BadDay();
        if (date > HospitalTime.Today(clock.Now))
            return Problems.Validation(new Dictionary<string, string[]> { ["day"] = ["The day has not come yet (hospital time)."] });
        return TypedResults.Ok(await grains.GetGrain<IReconciliationGrain>(BillingDays.Key(date)).RunAsync(user.Name()));
    }

    public static async Task<IResult> LatestReconciliation(string day, IGrainFactory grains)
    {
        if (!TryParseDay(day, out var date)) return BadDay();
        return await grains.GetGrain<IReconciliationGrain>(BillingDays.Key(date)).GetAsync() is { } run
            ? TypedResults.Ok(run)
            : Problems.NotFound("Not reconciled yet", $"{BillingDays.Key(date)} has not been reconciled; POST to run it now.");
    }

    private static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static IResult BadDay() =>
        Problems.Validation(new Dictionary<string, string[]> { ["day"] = ["The day as yyyy-MM-dd (hospital time)."] });
}
