using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.WebFront.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.Clerk;

/// <summary>The clerk's own takings of a day per channel: what their drawer and POS terminal should show.</summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class TakingsModel(IGrainFactory grains, HospitalClock clock) : HospitalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public TakingsSummary? Takings { get; private set; }

    public string Clerk => User.FindFirst("display_name")?.Value ?? User.Name();

    public async Task<IActionResult> OnGetAsync()
    {
        var today = HospitalTime.Today(clock.Now);
        var valid = InvoiceReader.TryChooseDay(Date, today, out var day);
        Takings = TakingsSummary.Of(await InvoiceReader.OnDayAsync(grains, day), day, User.Name());
        return valid ? Page() : Fail(T.DateOutOfRange, StatusCodes.Status400BadRequest);
    }
}
