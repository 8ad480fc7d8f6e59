using System.Text.RegularExpressions;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Pages.Tests.Support;
using HospitalOrleans.Tests.Shared;

namespace HospitalOrleans.Pages.Tests;

/// <summary>
/// Patient cards on the pages: a WeChat account binds cards for itself and its family (就诊人),
/// books for a family member, and a clerk finds that person at the window. Bookings here use
/// 胃肠外科 (GIS) doctors D022–D024, which no other page test books.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class FamilyPatientsTests(HospitalSite site)
{
    private static readonly DemoPerson Mother = DemoMasterIndex.WellKnown[0];

    [Fact]
    public async Task ANewcomerBindsTheirOwnCardAndTheirMothersChoosingHerNumberBooksForHerAndAClerkDrawsHerAWindowNumber()
    {
        await PatientCards.WaitForMasterIndexAsync(site);
        await WeChatPhone.WaitForDemoAccountAsync(site);
        var openId = await WeChatPhone.NewUserAsync(site, following: true);
        var page = await site.NewPageAsync();
        await WeChatPhone.OpenAsync(page, site, openId);

        // Through the menu and WeChat's sign-in: no card yet, so binding comes first.
        await page.ClickAsync("[data-testid=menu-item][data-name=预约挂号]");
        await page.ClickAsync("[data-testid=allow]");
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/me/patients?returnUrl=%2F");
        await Expect(page.Locator("[data-testid=no-patients]")).ToHaveTextAsync("预约前请先绑定就诊卡：填写就诊人的证件信息，绑定后即可继续。");
        await HospitalSite.ScreenshotAsync(page, "80-patients-first-card");

        // Myself, new to the hospital: a new outpatient number, and on to where I was going.
        var me = TestIdentities.NewPerson();
        await PatientCards.BindAsync(page, me);
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(BoundToNewNumber());
        var myNumber = BoundToNewNumber().Match(await page.GetByRole(AriaRole.Status).InnerTextAsync()).Groups["number"].Value;

        // My mother, known to the hospital under three numbers: choose one.
        await page.ClickAsync("[data-testid=nav-patients]");
        await Expect(page.Locator("[data-testid=patient]")).ToHaveCountAsync(1);
        await PatientCards.BindAsync(page, Mother.Name, Mother.DocumentNumber, Mother.Phone, "Parent");
        var choose = page.Locator("[data-testid=choose-number]");
        await Expect(choose.Locator("[data-testid=number-choice]")).ToHaveCountAsync(3);
        Assert.Equal(Mother.OutpatientNumbers, await choose.Locator("[data-testid=number-choice]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"));
        var shown = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(Mother.DocumentNumber, shown);
        Assert.DoesNotContain(Mother.Phone, shown);
        Assert.Contains(Masking.Document(Mother.DocumentNumber), shown);
        Assert.Contains("139****6420", shown);
        Assert.Contains("王*兰", shown);
        await HospitalSite.ScreenshotAsync(page, "81-patients-choose-number");
        await Screens.AssertFitsAsync(page);

        var chosen = Mother.OutpatientNumbers[1];
        await choose.Locator($"[data-testid=number-choice][value='{chosen}']").CheckAsync();
        await page.ClickAsync("[data-testid=use-number]");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"绑定成功，门诊号 {chosen}。");
        var mine = page.Locator($"[data-testid=patient][data-number='{myNumber}']");
        var hers = page.Locator($"[data-testid=patient][data-number='{chosen}']");
        await Expect(page.Locator("[data-testid=patient]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=patients-count]")).ToContainTextAsync("已绑定 2 位，最多 5 位。");
        await Expect(mine.Locator("[data-testid=current-badge]")).ToBeVisibleAsync();
        await Expect(mine.Locator("[data-testid=default-badge]")).ToBeVisibleAsync();
        await Expect(hers.Locator("[data-testid=patient-name]")).ToHaveTextAsync("王*兰");
        await Expect(hers).ToContainTextAsync("父母");
        await Expect(hers.Locator("[data-testid=masked-document]")).ToHaveTextAsync($"居民身份证 {Masking.Document(Mother.DocumentNumber)}");
        await Expect(hers.Locator("[data-testid=masked-phone]")).ToHaveTextAsync("139****6420");
        await Expect(hers.Locator("[data-testid=current-badge]")).ToHaveCountAsync(0);

        await HospitalSite.ScreenshotAsync(page, "82-patients-list");
        await Screens.AssertFitsAsync(page);

        // The clinic's page books for me; switching there to my mother comes back to it, for her.
        var poolId = await PatientCards.BookablePoolAsync(site, "D022", "GIS");
        await page.GotoAsync($"/pools/{poolId}");
        await Expect(page.Locator("[data-testid=booking-for]")).ToContainTextAsync(myNumber);
        await page.ClickAsync("[data-testid=switch-patient]");
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/me/patients?returnUrl=%2Fpools%2F{poolId}");
        await hers.Locator("[data-testid=act-as]").ClickAsync();

        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/pools/{poolId}");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已切换：现在为 王*兰 预约和查看预约。");
        await Expect(page.Locator("[data-testid=booking-for]")).ToContainTextAsync("王*兰");
        await Expect(page.Locator("[data-testid=booking-for]")).ToContainTextAsync(chosen);
        await HospitalSite.ScreenshotAsync(page, "83-pool-booking-for-mother");
        await page.Locator("[data-testid=period]").Filter(new() { Has = page.Locator("[data-testid=book]") }).First.Locator("[data-testid=book]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("预约成功");
        var bookingId = page.Url.Split('/').Last();
        await Expect(page.Locator("[data-testid=booking-number]")).ToHaveTextAsync(bookingId);
        await Cashier.PayBookingAsync(page);
        await Expect(page.Locator("[data-testid=bill] .bill-patient")).ToContainTextAsync("王*兰");

        await page.ClickAsync("nav.main a[href='/me/bookings']");
        await Expect(page.Locator("[data-testid=bookings-of]")).ToHaveTextAsync("王*兰 的预约");
        await Expect(page.Locator("[data-testid=booking]")).ToHaveAttributeAsync("data-booking", bookingId);
        await Expect(page.Locator("[data-testid=booking] [data-testid=status]")).ToHaveTextAsync("已确认");
        await HospitalSite.ScreenshotAsync(page, "84-bookings-of-mother");
        await page.SelectOptionAsync("[data-testid=patient-select]", myNumber);
        await page.ClickAsync("[data-testid=choose-patient] button");
        await Expect(page.Locator("[data-testid=no-bookings]")).ToBeVisibleAsync();
        await page.SelectOptionAsync("[data-testid=patient-select]", chosen);
        await page.ClickAsync("[data-testid=choose-patient] button");
        await Expect(page.Locator("[data-testid=booking]")).ToHaveAttributeAsync("data-booking", bookingId);

        // At the window: the clerk finds her by phone and draws a number for her in another department.
        var clerk = await site.StaffPageAsync("clerk1");
        await clerk.ClickAsync("[data-testid=nav-patient-lookup]");
        await clerk.FillAsync("#lookup-query", Mother.Phone);
        await clerk.ClickAsync("[data-testid=lookup-submit]");
        await Expect(clerk.Locator("[data-testid=match]")).ToHaveCountAsync(3);
        await Expect(clerk.Locator("#lookup-query")).ToHaveValueAsync("");
        await clerk.ClickAsync($"[data-testid=match][data-number='{chosen}']");

        await Expect(clerk).ToHaveURLAsync($"{site.BaseUrl}/clerk/patients/{chosen}");
        await Expect(clerk.Locator("[data-testid=patient-name]")).ToHaveTextAsync("王*兰");
        await Expect(clerk.Locator("[data-testid=recent-bookings] li")).ToHaveAttributeAsync("data-booking", bookingId);
        var html = await clerk.ContentAsync();
        Assert.DoesNotContain(Mother.DocumentNumber, html);
        Assert.DoesNotContain(Mother.Phone, html);
        await HospitalSite.ScreenshotAsync(clerk, "85-clerk-patient");
        await Screens.AssertFitsAsync(clerk);

        await clerk.ClickAsync("[data-testid=draw-for-patient]");
        await Expect(clerk.Locator("[data-testid=drawing-for]")).ToHaveTextAsync($"正在为 王*兰（门诊号 {chosen}）挂号：选择门诊后点“取号”。");
        await clerk.GotoAsync($"/clerk?patient={chosen}&date={Dates.Iso(Dates.Bookable.First())}&departmentId=HEM");
        var pool = clerk.Locator("[data-testid=clerk-pool]").First;
        await Expect(pool.Locator("input[name=patientId]")).ToHaveValueAsync(chosen);
        await pool.Locator("[data-testid=draw]").ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex("/clerk/tickets/D[0-9]{3}-[0-9]{8}-(AM|PM)-[0-9]{3}$"));
        await Expect(clerk.Locator("[data-testid=ticket]")).ToContainTextAsync(chosen);
    }

    [Fact]
    public async Task SignedInWithoutACardThePoolAsksToBindFirstAndBindingGoesBackToThePool()
    {
        var poolId = await PatientCards.BookablePoolAsync(site, "D023", "GIS");
        var (page, _) = await PatientCards.WeChatUserAsync(site, $"/pools/{poolId}");
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/me/patients?returnUrl=%2Fpools%2F{poolId}");

        await page.GotoAsync("/me/bookings");
        await Expect(page.Locator("[data-testid=bind-first]")).ToContainTextAsync("预约前请先绑定就诊卡。");
        await page.GotoAsync($"/pools/{poolId}");
        await Expect(page.Locator("[data-testid=bind-first]")).ToContainTextAsync("预约前请先绑定就诊卡。");
        await Expect(page.Locator("[data-testid=booking-for]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=bind-card]");

        var me = TestIdentities.NewPerson();
        await PatientCards.BindAsync(page, me);

        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/pools/{poolId}");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(BoundToNewNumber());
        await Expect(page.Locator("[data-testid=booking-for-name]")).ToHaveTextAsync(Masking.Name(me.Name));
        await page.Locator("[data-testid=book]").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("预约成功");
    }

    [Fact]
    public async Task APhoneThatDiffersFromTheHospitalsRecordIsRefusedAndNothingIsBound()
    {
        await PatientCards.WaitForMasterIndexAsync(site);
        var (page, openId) = await PatientCards.WeChatUserAsync(site);
        var oldPhone = DemoMasterIndex.WellKnown[2];

        await PatientCards.BindAsync(page, oldPhone.Name, oldPhone.DocumentNumber, oldPhone.Phone);

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("手机号与医院登记的不一致。为保护您的信息，请携带证件到挂号窗口核对后绑定。");
        await Expect(page.Locator("[data-testid=no-patients]")).ToBeVisibleAsync();
        await Expect(page.Locator("#bind-name")).ToHaveValueAsync(oldPhone.Name);
        Assert.Empty(await site.Grains.WeChatUser(openId).GetPatientsAsync());

        // A slip in the ID number is named plainly, and binds nothing either.
        var person = TestIdentities.NewPerson();
        var slipped = person.ResidentId[..^1] + (person.ResidentId[^1] == '1' ? '2' : '1');
        await PatientCards.BindAsync(page, person.Name, slipped, person.Phone);
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("居民身份证号码最后一位校验码不符，请逐位核对。");
        Assert.Empty(await site.Grains.WeChatUser(openId).GetPatientsAsync());
    }

    [Fact]
    public async Task PersonalDataIsShownMaskedUntilAClerkAsksForItWithAReason()
    {
        var poolId = await PatientCards.BookablePoolAsync(site, "D024", "GIS");
        var (page, _) = await PatientCards.WeChatUserAsync(site);
        var person = TestIdentities.NewPerson();
        await PatientCards.BindAsync(page, person);
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/");
        foreach (var address in new[] { "/me/patients", "/me/bookings", $"/pools/{poolId}" })
        {
            await page.GotoAsync(address);
            await AssertNotInPageAsync(page, person);
        }
        var number = await page.Locator("[data-testid=booking-for]").GetAttributeAsync("data-patient");

        var clerk = await site.StaffPageAsync("clerk1");
        await clerk.GotoAsync("/clerk/patients");
        await clerk.FillAsync("#lookup-query", person.Phone);
        await clerk.ClickAsync("[data-testid=lookup-submit]");
        await Expect(clerk.Locator("[data-testid=match]")).ToHaveAttributeAsync("data-number", number!);
        await AssertNotInPageAsync(clerk, person);
        await clerk.ClickAsync("[data-testid=match]");
        await Expect(clerk.Locator("[data-testid=masked-phone]")).ToHaveTextAsync(Masking.Phone(person.Phone));
        await AssertNotInPageAsync(clerk, person);

        // A look at the full data needs a reason; the patient's record keeps who looked and why.
        await clerk.FillAsync("#reveal-reason", "   ");
        await clerk.ClickAsync("[data-testid=reveal-submit]");
        await Expect(clerk.Locator("[data-testid=failure]")).ToHaveTextAsync("请填写原因（不超过 200 字），会记入操作记录。");
        await Expect(clerk.Locator("[data-testid=revealed]")).ToHaveCountAsync(0);
        await AssertNotInPageAsync(clerk, person);

        await clerk.FillAsync("#reveal-reason", "患者本人在窗口核对身份");
        await clerk.ClickAsync("[data-testid=reveal-submit]");
        await Expect(clerk.Locator("[data-testid=full-name]")).ToHaveTextAsync(person.Name);
        await Expect(clerk.Locator("[data-testid=full-document]")).ToHaveTextAsync(person.ResidentId);
        await Expect(clerk.Locator("[data-testid=full-phone]")).ToHaveTextAsync(person.Phone);
        await Expect(clerk.Locator("[data-testid=audit]")).ToContainTextAsync("clerk1 viewed the full ID number and phone: 患者本人在窗口核对身份");
        await HospitalSite.ScreenshotAsync(clerk, "86-clerk-patient-revealed");
        await Screens.AssertFitsAsync(clerk);

        await clerk.GotoAsync($"/clerk/patients/{number}");
        await Expect(clerk.Locator("[data-testid=patient-card]")).ToBeVisibleAsync();
        await AssertNotInPageAsync(clerk, person);
    }

    [Fact]
    public async Task ASuspendedPatientIsToldUntilWhenAndAClerkLiftsTheSuspensionWithAReason()
    {
        var person = TestIdentities.NewPerson();
        var number = (await site.Grains.GetGrain<IPatientRegistryGrain>(0)
            .RegisterAtWindowAsync(new(person.Name, DocumentType.ResidentId, person.ResidentId, person.Phone), "clerk1")).BoundNumber!;
        await PatientCards.MissVisitsAsync(site, number, 3);
        var until = (await site.Grains.Patient(number).GetRecordAsync()).SuspendedUntil!.Value;
        var untilDay = HospitalTime.Today(until);
        var poolId = await PatientCards.BookablePoolAsync(site, "D024", "GIS");
        var page = await site.PatientPageAsync(number);

        await page.GotoAsync($"/pools/{poolId}");
        await page.Locator("[data-testid=book]").First.ClickAsync();

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync($"因爽约，您的网上预约暂停至 {untilDay.Year}年{untilDay.Month}月{untilDay.Day}日（窗口挂号不受影响）。");
        await HospitalSite.ScreenshotAsync(page, "87-suspended");

        var clerk = await site.StaffPageAsync("clerk1");
        await clerk.GotoAsync($"/clerk/patients/{number}");
        await Expect(clerk.Locator("[data-testid=suspension]")).ToHaveTextAsync($"网上预约暂停至 {untilDay.Year}年{untilDay.Month}月{untilDay.Day}日（90 天内爽约 3 次）。窗口挂号不受影响。");
        await Expect(clerk.Locator("[data-testid=no-shows]")).ToContainTextAsync(Dates.Iso(HospitalSite.Today.AddDays(-1)));
        await clerk.FillAsync("#lift-reason", "  ");
        await clerk.ClickAsync("[data-testid=lift-submit]");
        await Expect(clerk.Locator("[data-testid=failure]")).ToHaveTextAsync("请填写原因（不超过 200 字），会记入操作记录。");
        await Expect(clerk.Locator("[data-testid=suspension]")).ToBeVisibleAsync();

        await clerk.FillAsync("#lift-reason", "住院期间未能就诊，已核实");
        await clerk.ClickAsync("[data-testid=lift-submit]");

        await Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("已解除网上预约暂停，已记录。");
        await Expect(clerk.Locator("[data-testid=not-suspended]")).ToBeVisibleAsync();
        await Expect(clerk.Locator("[data-testid=lifts]")).ToContainTextAsync("clerk1: 住院期间未能就诊，已核实");
        await page.GotoAsync($"/pools/{poolId}");
        await page.Locator("[data-testid=book]").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("预约成功");
    }

    [Fact]
    public async Task TheWeeklyOnlineLimitIsExplainedWithTheLimitAsConfigured()
    {
        var patientId = HospitalSite.NewPatientId();
        var pools = await DistinctPoolsAsync(9);
        foreach (var poolId in pools.Take(8))
        {
            var booked = await site.Grains.Patient(patientId).BookOnlineAsync(poolId, Guid.NewGuid().ToString("N"), null);
            Assert.Equal(PoolOutcome.Ok, booked.Outcome);
        }
        var page = await site.PatientPageAsync(patientId);

        await page.GotoAsync($"/pools/{pools[8]}");
        await page.Locator("[data-testid=book]").First.ClickAsync();

        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync(
            "每人每周（周一至周日）网上预约限 8 次，已取消或逾期未支付的预约也计入；本周已达上限，下周一起可再预约，也可到窗口挂号。");
        await page.ClickAsync("[data-testid=switch-language]");
        await page.GotoAsync($"/pools/{pools[8]}");
        await page.Locator("[data-testid=book]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync(
            "A patient may make 8 online bookings per calendar week (Monday to Sunday), cancelled and unpaid ones included; this week's are used up. Book again from Monday, or at the window.");
    }

    [Fact]
    public async Task RegisteringAtTheWindowCreatesANumberForANewcomerAndFindsTheNumberOfSomeoneKnown()
    {
        await PatientCards.WaitForMasterIndexAsync(site);
        var clerk = await site.StaffPageAsync("clerk1");
        var person = TestIdentities.NewPerson();
        await clerk.GotoAsync("/clerk/patients");

        await clerk.FillAsync("#register-name", person.Name);
        await clerk.FillAsync("#register-document-number", person.ResidentId);
        await clerk.FillAsync("#register-phone", person.Phone);
        await clerk.ClickAsync("[data-testid=register-submit]");

        await Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^已为该患者建立新的门诊号 8[0-9]{9}。$"));
        await Expect(clerk).ToHaveURLAsync(new Regex("/clerk/patients/8[0-9]{9}$"));
        await Expect(clerk.Locator("[data-testid=patient-name]")).ToHaveTextAsync(Masking.Name(person.Name));

        var son = DemoMasterIndex.WellKnown[1];
        await clerk.GotoAsync("/clerk/patients");
        await clerk.FillAsync("#register-name", son.Name);
        await clerk.FillAsync("#register-document-number", son.DocumentNumber);
        await clerk.FillAsync("#register-phone", son.Phone);
        await clerk.ClickAsync("[data-testid=register-submit]");

        await Expect(clerk.Locator("[data-testid=already-registered]")).ToBeVisibleAsync();
        await Expect(clerk.Locator("[data-testid=match]")).ToHaveAttributeAsync("data-number", son.OutpatientNumbers[0]);
        await Expect(clerk.Locator("#register-document-number")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task ChildrenWithoutAnIdCardAreBoundUnderAGuardianUpToTheLimitAndCanBeMadeDefaultOrUnbound()
    {
        var (page, openId) = await PatientCards.WeChatUserAsync(site);
        var me = TestIdentities.NewPerson();
        await PatientCards.BindAsync(page, me);
        await page.GotoAsync("/me/patients");
        var myNumber = await page.Locator("[data-testid=patient]").GetAttributeAsync("data-number");

        string[] children = ["测小明", "测小红", "测小刚", "测小丽"];
        foreach (var child in children)
        {
            await page.FillAsync("#child-name", child);
            await page.FillAsync("#child-birth-date", Dates.Iso(HospitalSite.Today.AddYears(-6)));
            await page.CheckAsync("[name=Sex][value=F]");
            await page.SelectOptionAsync("#child-guardian", myNumber!);
            await page.ClickAsync("[data-testid=child-submit]");
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(BoundToNewNumber());
        }

        await Expect(page.Locator("[data-testid=patients-count]")).ToContainTextAsync("已绑定 5 位，最多 5 位。");
        await Expect(page.Locator("[data-testid=patients-full]")).ToHaveTextAsync("已绑定 5 位就诊人，达到上限。如需添加，请先解除一位。");
        await Expect(page.Locator("[data-testid=bind-form]")).ToHaveCountAsync(0);
        var first = page.Locator("[data-testid=patient]").Filter(new() { HasText = "测*明" });
        await Expect(first).ToContainTextAsync("子女");
        await Expect(first).ToContainTextAsync($"监护人门诊号 {myNumber}");

        await first.Locator("[data-testid=set-default]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已设为默认就诊人，下次登录时自动选中。");
        await Expect(first.Locator("[data-testid=default-badge]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=default-badge]")).ToHaveCountAsync(1);

        await first.Locator("[data-testid=unbind]").ClickAsync(); // the confirmation is answered yes
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已解除绑定。已有的预约不受影响。");
        await Expect(page.Locator("[data-testid=patient]")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=bind-form]")).ToBeVisibleAsync();
        Assert.Equal(4, (await site.Grains.WeChatUser(openId).GetPatientsAsync()).Count);
    }

    [Fact]
    public async Task ThePatientsPageSpeaksEnglishAfterTheSwitch()
    {
        await PatientCards.WaitForMasterIndexAsync(site);
        var (page, _) = await PatientCards.WeChatUserAsync(site);
        await page.ClickAsync("[data-testid=switch-language]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("My patients");

        var son = DemoMasterIndex.WellKnown[1];
        await PatientCards.BindAsync(page, "王秀兰", son.DocumentNumber, son.Phone);
        await Expect(page.Locator("[data-testid=failure]")).ToHaveTextAsync("The ID number and the name do not match; check them or go to a registration window.");

        await PatientCards.BindAsync(page, TestIdentities.NewPerson());
        await page.GotoAsync("/me/patients");
        await Expect(page.Locator("[data-testid=patient]")).ToContainTextAsync("Resident identity card");
        await Expect(page.Locator("[data-testid=current-badge]")).ToHaveTextAsync("Current patient");
        await HospitalSite.ScreenshotAsync(page, "89-patients-english");
        await Screens.AssertFitsAsync(page);
    }

    [Fact]
    public async Task ADemoSignInByPatientIdIsToldThatCardsAreBoundThroughWeChat()
    {
        var page = await site.PatientPageAsync(HospitalSite.NewPatientId());

        await page.ClickAsync("[data-testid=nav-patients]");

        await Expect(page.Locator("[data-testid=wechat-only]")).ToHaveTextAsync("就诊卡通过微信登录绑定。请在微信里打开本院服务号，用“微信授权登录”进入后再绑定。");
        await Expect(page.Locator("[data-testid=bind-form]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CareModeEnlargesThePatientsPage()
    {
        var (page, _) = await PatientCards.WeChatUserAsync(site);
        await PatientCards.BindAsync(page, TestIdentities.NewPerson());
        await page.GotoAsync("/me/patients");
        var name = await SizeAsync(page, "[data-testid=patient-name]", "fontSize");
        var input = await SizeAsync(page, "#bind-name", "height");
        var button = await SizeAsync(page, "[data-testid=bind-submit]", "height");

        await page.ClickAsync("[data-testid=switch-care]");

        await Expect(page.Locator("html")).ToHaveClassAsync("care");
        Assert.True(await SizeAsync(page, "[data-testid=patient-name]", "fontSize") > name);
        Assert.True(await SizeAsync(page, "#bind-name", "height") > input);
        Assert.True(await SizeAsync(page, "[data-testid=bind-submit]", "height") > button);
        await HospitalSite.ScreenshotAsync(page, "88-patients-care-mode");
        await Screens.AssertFitsAsync(page);
    }

    /// <summary>Clinics each in another department or half-day, of doctors no count-checking test books.</summary>
    private async Task<IReadOnlyList<string>> DistinctPoolsAsync(int count)
    {
        string[] departments = ["RAD", "INT", "HEM", "TMO", "BRS", "THS"];
        var pools = new List<string>();
        var halfDays = new HashSet<string>();
        foreach (var day in Dates.Bookable)
        foreach (var department in departments)
        foreach (var poolId in await site.Grains.GetGrain<IHospitalDirectoryGrain>(0).PoolsOnAsync(day, department))
        {
            if (DemoHospital.FamousDoctorIds.Any(d => poolId.StartsWith(d, StringComparison.Ordinal))) continue;
            if (!halfDays.Add($"{department}-{poolId[5..]}")) continue; // one per department per half-day
            pools.Add(poolId);
            if (pools.Count == count) return pools;
        }
        throw new InvalidOperationException($"Fewer than {count} distinct clinics on the bookable days.");
    }

    private static async Task AssertNotInPageAsync(IPage page, TestIdentities.Person person)
    {
        var html = await page.ContentAsync();
        Assert.DoesNotContain(person.ResidentId, html);
        Assert.DoesNotContain(person.Phone, html);
    }

    private static Task<double> SizeAsync(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<double>($"e => parseFloat(getComputedStyle(e).{property})");

    [GeneratedRegex("^绑定成功，门诊号 (?<number>8[0-9]{9})。$")]
    private static partial Regex BoundToNewNumber();
}
