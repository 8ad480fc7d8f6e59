using System.Globalization;
using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Billing;
using HospitalOrleans.WebFront.Localization;
using HospitalOrleans.WebFront.Pages.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WebFront.Pages.ConsultationRoom;

/// <summary>
/// The consultation room's bill: the doctor types the outpatient number and the items (prices in
/// yuan, read exactly as fen), issues the bill through <see cref="BillIssuer"/> as the doctor's
/// system does, and shows the patient its QR code. Rows are added, removed and filled from the
/// common items by plain form posts, so no script is needed. After issuing, the page is the bill's
/// own address (its signed token), so a reload shows whether it was paid and never issues it twice.
/// </summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class BillsModel(IGrainFactory grains, BillIssuer issuer) : HospitalPageModel
{
    public const int BlankRows = 4;
    public const int RowsAdded = 3;

    /// <summary>What the consultation rooms charge most, one tap each; anything else is typed.</summary>
    public static readonly IReadOnlyList<InvoiceItem> CommonItems =
    [
        new("BL02", "血常规", 1, 2_050),
        new("CT01", "胸部CT平扫", 1, 28_000),
        new("LAB03", "肝功能", 1, 6_800),
        new("LAB09", "肿瘤标志物", 1, 16_050),
        new("MRI02", "头颅MRI", 1, 12_000),
        new("DR01", "换药", 1, 4_500),
    ];

    public static string PathOf(string token) => $"/doctor/bills?bill={Uri.EscapeDataString(token)}";

    [BindProperty]
    public string? PatientNumber { get; set; }

    [BindProperty]
    public List<ItemRow> Rows { get; set; } = [];

    /// <summary>The token of a bill just issued: the page shows that bill.</summary>
    [BindProperty(SupportsGet = true, Name = "bill")]
    public string? BillToken { get; set; }

    public Invoice? Issued { get; private set; }

    public BillLink? Link { get; private set; }

    /// <summary>The patient's masked name, for the doctor to confirm (never the full name, ID or phone).</summary>
    public string? PatientName { get; private set; }

    public bool CanAddRows => Rows.Count + RowsAdded <= InvoiceMachine.MaxItems;

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = Blank(BlankRows);
        if (BillToken is null) return Page();
        var link = issuer.Open(BillToken);
        var invoice = link is null ? null : await grains.GetGrain<IInvoiceGrain>(link.InvoiceId).GetAsync();
        // A doctor sees the bills they issued; any other token shows nothing of its bill.
        if (invoice is null || invoice.CreatedBy != User.Name()) return Fail(T.UnknownBill, StatusCodes.Status404NotFound);
        (Issued, Link) = (invoice, link);
        PatientName = FamilyMember.NameOf(await grains.Patient(invoice.PatientId).GetCardAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        PatientNumber = PatientNumber?.Trim();
        if (string.IsNullOrEmpty(PatientNumber)) return await RefuseAsync([T.BillPatientRequired], StatusCodes.Status400BadRequest);
        var filled = Rows.Select((row, index) => (Row: row, Number: index + 1)).Where(r => !r.Row.IsBlank).ToList();
        if (filled.Count == 0) return await RefuseAsync([T.BillItemsRequired], StatusCodes.Status400BadRequest);

        var items = new List<InvoiceItem>();
        var problems = new List<string>();
        foreach (var (row, number) in filled)
        {
            var (item, faults) = row.Read(number, T);
            items.Add(item);
            problems.AddRange(faults);
        }
        if (problems.Count > 0) return await RefuseAsync(problems, StatusCodes.Status400BadRequest);

        var issue = await issuer.IssueAsync(PatientNumber, items, User.Name());
        if (issue.UnknownPatient) return await RefuseAsync([T.BillPatientUnknown(PatientNumber)], StatusCodes.Status404NotFound);
        if (issue is not { Link: { } link })
        {
            var refusal = issue.Refusal!;
            var worded = refusal.ItemFaults.Select(f => T.BillItemFault(filled[f.Index].Number, f.Fault)).ToList();
            return await RefuseAsync(worded.Count > 0 ? worded : [T.Worded(refusal.Detail, refusal.DetailEn)], StatusCodes.Status400BadRequest);
        }
        Notice = T.BillIssued;
        return Redirect(PathOf(link.Token));
    }

    /// <summary>Shows the masked name behind the number typed, before anything is issued.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        PatientNumber = PatientNumber?.Trim();
        if (string.IsNullOrEmpty(PatientNumber)) return Fail(T.BillPatientRequired, StatusCodes.Status400BadRequest);
        return await ShowPatientAsync() ? Page() : Fail(T.BillPatientUnknown(PatientNumber), StatusCodes.Status404NotFound);
    }

    public async Task<IActionResult> OnPostMoreAsync()
    {
        if (CanAddRows) Rows.AddRange(Blank(RowsAdded));
        await ShowPatientAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int index)
    {
        if (index >= 0 && index < Rows.Count) Rows.RemoveAt(index);
        if (Rows.Count == 0) Rows = Blank(1);
        await ShowPatientAsync();
        return Page();
    }

    /// <summary>A common item goes into the first empty row (a new one when none is empty).</summary>
    public async Task<IActionResult> OnPostAddAsync(string? code)
    {
        if (CommonItems.FirstOrDefault(i => i.Code == code) is { } item)
        {
            var row = new ItemRow { Code = item.Code, Name = item.Name, Quantity = "1", Price = Money.FormatYuan(item.UnitPriceFen) };
            var empty = Rows.FindIndex(r => r.IsBlank);
            if (empty >= 0) Rows[empty] = row;
            else if (Rows.Count < InvoiceMachine.MaxItems) Rows.Add(row);
        }
        await ShowPatientAsync();
        return Page();
    }

    /// <summary>The form as it was sent, with why nothing was issued.</summary>
    private async Task<IActionResult> RefuseAsync(IReadOnlyList<string> problems, int statusCode)
    {
        await ShowPatientAsync();
        return Fail(T.Sentences([.. problems, T.BillNotIssued]), statusCode);
    }

    private async Task<bool> ShowPatientAsync()
    {
        if (Rows.Count == 0) Rows = Blank(BlankRows);
        PatientNumber = PatientNumber?.Trim();
        if (!OutpatientNumberFormat.IsWellFormed(PatientNumber)) return false;
        var card = await grains.Patient(PatientNumber!).GetCardAsync();
        PatientName = card.Registered ? FamilyMember.NameOf(card) : null;
        return card.Registered;
    }

    private static List<ItemRow> Blank(int count) => Enumerable.Range(0, count).Select(_ => new ItemRow()).ToList();
}

/// <summary>One item row as typed: strings, so a bad entry is shown back as it was with a message that names it.</summary>
public sealed class ItemRow
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Quantity { get; set; } = "1";
    /// <summary>Unit price in yuan, as typed.</summary>
    public string? Price { get; set; }

    /// <summary>A row left empty is not an item (the quantity is prefilled, so it does not count).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Price);

    /// <summary>
    /// The item, and what is wrong with row <paramref name="number"/>: the quantity and the price as
    /// read here (yuan to fen, exactly), then the bill rules on items. A field that cannot be read is
    /// named once, not again by the rules.
    /// </summary>
    public (InvoiceItem Item, IReadOnlyList<string> Faults) Read(int number, Texts t)
    {
        var faults = new List<string>();
        var quantityRead = int.TryParse(Quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity);
        var priceRead = Money.TryParseYuan(Price?.Trim(), out var fen);
        if (!quantityRead) faults.Add(t.BillItemFault(number, InvoiceItemFault.QuantityOutOfRange));
        if (!priceRead) faults.Add(t.BillItemPriceUnreadable(number));
        var item = new InvoiceItem(Code?.Trim() ?? "", Name?.Trim() ?? "", quantityRead ? quantity : 1, priceRead ? fen : 0);
        faults.AddRange(item.Validate().Select(fault => t.BillItemFault(number, fault)));
        return (item, faults);
    }
}
