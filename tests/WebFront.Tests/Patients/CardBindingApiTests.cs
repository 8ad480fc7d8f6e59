using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;

namespace HospitalOrleans.WebFront.Tests.Patients;

/// <summary>Binding cards from WeChat: the master index, historical numbers, the phone rule, family members.</summary>
[Collection(WeChatCollection.Name)]
public sealed class CardBindingApiTests(HospitalApp app)
{
    private static DemoPerson Mother => DemoMasterIndex.WellKnown[0];
    private static DemoPerson Son => DemoMasterIndex.WellKnown[1];
    private static DemoPerson OldPhone => DemoMasterIndex.WellKnown[2];

    [Fact]
    public async Task ANewPersonGetsANewOutpatientNumberInTheHospitalsFormatAndSeesItMasked()
    {
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        var person = TestIdentities.NewPerson();

        var number = await (await client.BindAsync(person)).BoundNumberAsync();

        Assert.Matches("^8[0-9]{9}$", number);
        var mine = Assert.Single(await client.MyPatientsAsync());
        var card = mine.GetProperty("card");
        Assert.Equal(number, mine.GetProperty("outpatientNumber").GetString());
        Assert.True(mine.GetProperty("isDefault").GetBoolean());
        Assert.Equal($"{person.ResidentId[..4]}**********{person.ResidentId[^4..]}", card.GetProperty("maskedDocument").GetString());
        Assert.Equal($"{person.Phone[..3]}****{person.Phone[^4..]}", card.GetProperty("maskedPhone").GetString());
        var raw = await client.GetStringAsync("/api/me/patients");
        Assert.DoesNotContain(person.ResidentId, raw);
        Assert.DoesNotContain(person.Phone, raw);
        // The first card bound is the one the session now acts for.
        Assert.Equal(number, (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("patientId").GetString());
    }

    [Fact]
    public async Task APersonWithSeveralHistoricalNumbersChoosesOne()
    {
        await app.WaitForMasterIndexAsync();
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());

        var first = await client.BindAsync(Mother.Name, Mother.DocumentNumber, Mother.Phone, "Parent");

        var choice = await first.AssertProblem(HttpStatusCode.Conflict, "choose-number");
        var offered = choice.GetProperty("outpatientNumbers").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Equal(Mother.OutpatientNumbers.Order(StringComparer.Ordinal), offered);
        Assert.Empty(await client.MyPatientsAsync());

        var bound = await (await client.BindAsync(Mother.Name, Mother.DocumentNumber, Mother.Phone, "Parent", chosenNumber: Mother.OutpatientNumbers[1])).BoundNumberAsync();

        Assert.Equal(Mother.OutpatientNumbers[1], bound);
        Assert.Equal("Parent", Assert.Single(await client.MyPatientsAsync()).GetProperty("relationship").GetString());
    }

    [Fact]
    public async Task ANumberThatIsNotThePersonsCannotBeChosen()
    {
        await app.WaitForMasterIndexAsync();
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());

        var response = await client.BindAsync(Mother.Name, Mother.DocumentNumber, Mother.Phone, "Parent", chosenNumber: Son.OutpatientNumbers[0]);

        await response.AssertProblem(HttpStatusCode.Forbidden, "not-theirs");
        Assert.Empty(await client.MyPatientsAsync());
    }

    [Fact]
    public async Task APhoneThatDiffersFromTheHospitalsRecordSendsThePersonToTheWindow()
    {
        await app.WaitForMasterIndexAsync();
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());

        var response = await client.BindAsync(OldPhone.Name, OldPhone.DocumentNumber, OldPhone.Phone);

        var problem = await response.AssertProblem(HttpStatusCode.Conflict, "phone-mismatch");
        Assert.Contains("窗口", problem.GetProperty("message").GetString());
        Assert.Empty(await client.MyPatientsAsync());
    }

    [Fact]
    public async Task AKnownIdNumberUnderAnotherNameIsRefused()
    {
        await app.WaitForMasterIndexAsync();
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());

        var response = await client.BindAsync("张冒名", Son.DocumentNumber, Son.Phone);

        await response.AssertProblem(HttpStatusCode.Conflict, "name-mismatch");
        Assert.Empty(await client.MyPatientsAsync());
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "王小明", "110105194912310021", "13800138000" }, // check digit
        { "王小明", "110105194902300023", "13800138000" }, // 30 February
        { "王小明", "11010519491231002X", "1380013800" },  // phone too short
        { "王1明", "11010519491231002X", "13800138000" },  // digit in a name
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsRefusedWithAMessageAndBindsNothing(string name, string document, string phone)
    {
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());

        var response = await client.BindAsync(name, document, phone);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "invalid");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("message").GetString()));
        Assert.Empty(await client.MyPatientsAsync());
    }

    [Fact]
    public async Task OneAccountManagesAtMostFivePatients()
    {
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        for (var i = 0; i < 5; i++) await (await client.BindAsync(TestIdentities.NewPerson(), i == 0 ? "Self" : "Other")).BoundNumberAsync();

        var sixth = await client.BindAsync(TestIdentities.NewPerson(), "Other");

        await sixth.AssertProblem(HttpStatusCode.Conflict, "too-many-patients");
        Assert.Equal(5, (await client.MyPatientsAsync()).Count);
    }

    [Fact]
    public async Task OnePatientIsManagedByTwoAccountsAndEitherBooksForThem()
    {
        var person = TestIdentities.NewPerson(1950);
        using var daughter = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        using var son = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        var number = await (await daughter.BindAsync(person, "Parent")).BoundNumberAsync();

        var again = await (await son.BindAsync(person, "Parent")).BoundNumberAsync();

        Assert.Equal(number, again);
        var pool = (await Api.BookablePool(son, 6, 8)).GetProperty("poolId").GetString();
        var booked = await son.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = number, requestId = "by-son" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var theirs = await daughter.GetFromJsonAsync<List<JsonElement>>($"/api/me/bookings?patientId={number}");
        Assert.Single(theirs!);
    }

    [Fact]
    public async Task AnAccountCannotBookForAPatientItDoesNotManage()
    {
        using var owner = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        var number = await (await owner.BindAsync(TestIdentities.NewPerson())).BoundNumberAsync();
        using var stranger = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        var pool = (await Api.BookablePool(stranger, 6, 9)).GetProperty("poolId").GetString();

        var response = await stranger.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = number, requestId = "not-mine" });

        await response.AssertProblem(HttpStatusCode.Forbidden, "not-owner");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/me/bookings?patientId={number}")).StatusCode);
    }

    [Fact]
    public async Task AChildWithoutAnIdCardIsBoundUnderAGuardianTheAccountManages()
    {
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        var guardian = await (await client.BindAsync(TestIdentities.NewPerson())).BoundNumberAsync();

        var child = await client.PostAsJsonAsync("/api/me/patients/children", new { name = "测小宝", birthDate = "2020-05-01", sex = "F", guardianNumber = guardian });
        var notGuardian = await client.PostAsJsonAsync("/api/me/patients/children", new { name = "测小贝", birthDate = "2020-05-01", sex = "M", guardianNumber = Son.OutpatientNumbers[0] });

        var number = await child.BoundNumberAsync();
        var card = (await client.MyPatientsAsync()).Single(p => p.GetProperty("outpatientNumber").GetString() == number).GetProperty("card");
        Assert.Equal(guardian, card.GetProperty("guardianNumber").GetString());
        await notGuardian.AssertProblem(HttpStatusCode.Forbidden, "not-theirs");
    }

    [Fact]
    public async Task SwitchingTheCurrentPatientAndUnbinding()
    {
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        var self = await (await client.BindAsync(TestIdentities.NewPerson())).BoundNumberAsync();
        var parent = await (await client.BindAsync(TestIdentities.NewPerson(1948), "Parent")).BoundNumberAsync();

        (await client.PostAsync($"/api/me/patients/{parent}/act", null)).EnsureSuccessStatusCode();
        Assert.Equal(parent, (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("patientId").GetString());
        (await client.PutAsync($"/api/me/patients/{parent}/default", null)).EnsureSuccessStatusCode();
        Assert.True((await client.MyPatientsAsync()).Single(p => p.GetProperty("outpatientNumber").GetString() == parent).GetProperty("isDefault").GetBoolean());

        (await client.DeleteAsync($"/api/me/patients/{parent}")).EnsureSuccessStatusCode();

        var left = Assert.Single(await client.MyPatientsAsync());
        Assert.Equal(self, left.GetProperty("outpatientNumber").GetString());
        Assert.True(left.GetProperty("isDefault").GetBoolean());
        Assert.Equal(self, (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("patientId").GetString());
    }

    [Fact]
    public async Task ADemoPatientWithoutWeChatCannotBindCards()
    {
        using var demo = await app.SignedInPatient("DEMO" + Random.Shared.Next(100000, 999999));

        var response = await demo.BindAsync(TestIdentities.NewPerson());

        await response.AssertProblem(HttpStatusCode.Forbidden, "wechat-only");
    }

    [Fact]
    public async Task NoIdNumberOrPhoneReachesTheLogsWhileBindingAndBooking()
    {
        var person = TestIdentities.NewPerson();
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        var number = await (await client.BindAsync(person)).BoundNumberAsync();
        await client.BindAsync(person.Name, person.ResidentId[..17] + "0", person.Phone); // a refused one too
        var pool = (await Api.BookablePool(client, 5, 9)).GetProperty("poolId").GetString();
        await client.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = number, requestId = "log-check" });

        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(person.ResidentId, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(person.ResidentId[..17], StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(person.Phone, StringComparison.Ordinal));
    }
}
