using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Patients.Privacy;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace HospitalOrleans.Grains.Patients;

/// <summary>
/// Binding and registration, stateless (any silo, many at once). The hospital's rule: a card is
/// bound when the ID number and the name match the master patient index; where the hospital has
/// a phone on record, the typed phone must match one of the person's records, otherwise the
/// person confirms at the window (a stranger who learned someone's ID number and name cannot
/// take over their card online).
/// </summary>
[StatelessWorker]
public sealed class PatientRegistryGrain(
    PersonalDataProtector protector,
    IOptions<PatientDataOptions> options,
    HospitalClock clock) : Grain, IPatientRegistryGrain
{
    public async Task<BindingResult> BindAsync(IdentityClaim claim, string? chosenNumber, string openId, Relationship relationship, bool makeDefault)
    {
        if (Checked(claim) is not { } person) return Invalid(claim);
        var found = await FindAsync(person);
        if (found.Outcome is LookupOutcome.NameMismatch or LookupOutcome.PhoneMismatch) return found;
        string number;
        if (found.Outcome == LookupOutcome.NewPatient) number = await CreateAsync(person, "wechat", guardian: null);
        else if (chosenNumber is null && found.OutpatientNumbers.Count > 1)
            return found with { Outcome = LookupOutcome.ChooseNumber, Message = "找到您在本院的多个门诊号，请选择要使用的一个。", MessageEn = "Several outpatient numbers were found; choose the one to use." };
        else if (chosenNumber is not null && !found.OutpatientNumbers.Contains(chosenNumber))
            return Result(LookupOutcome.NotTheirs, "所选门诊号不属于该就诊人。", "The chosen number is not this person's.");
        else number = chosenNumber ?? found.OutpatientNumbers[0];
        return await AddToAccountAsync(number, openId, relationship, makeDefault);
    }

    public async Task<BindingResult> BindChildAsync(string childName, DateOnly birthDate, string sex, string guardianNumber, string openId)
    {
        var name = PersonNames.Check(childName);
        if (!name.Ok) return Result(LookupOutcome.Invalid, name.Message, name.MessageEn);
        var today = HospitalTime.Today(clock.Now);
        if (birthDate > today || birthDate < today.AddYears(-18))
            return Result(LookupOutcome.Invalid, "未办理身份证的儿童请填写 18 岁以下的出生日期。", "A child without an ID card must be under 18.");
        if (sex is not ("M" or "F")) return Result(LookupOutcome.Invalid, "请选择性别。", "Choose the sex.");
        if (!await GrainFactory.WeChatUser(openId).ManagesAsync(guardianNumber))
            return Result(LookupOutcome.NotTheirs, "监护人须是本账号已绑定的就诊人。", "The guardian must be a patient this account manages.");
        var person = new CheckedPerson(name.Normalized!, null, null, null, birthDate, sex);
        var number = await CreateAsync(person, "wechat", guardianNumber);
        return await AddToAccountAsync(number, openId, Relationship.Child, makeDefault: false);
    }

    public async Task<BindingResult> RegisterAtWindowAsync(IdentityClaim claim, string clerk)
    {
        if (Checked(claim) is not { } person) return Invalid(claim);
        var found = await FindAsync(person);
        // At the window the clerk sees the person and the document, so a phone difference is settled there.
        if (found.Outcome is LookupOutcome.Found or LookupOutcome.PhoneMismatch)
            return found with { Outcome = LookupOutcome.Found, Message = "该患者已有门诊号。", MessageEn = "This patient already has outpatient numbers." };
        if (found.Outcome == LookupOutcome.NameMismatch) return found;
        var number = await CreateAsync(person, "window", guardian: null);
        return new BindingResult(LookupOutcome.Bound, [number], "已为该患者建立新的门诊号。", "A new outpatient number was created.", number);
    }

    public async Task ImportAsync(MpiRecord record)
    {
        var document = IdentityDocuments.Check(record.DocumentType, record.DocumentNumber, HospitalTime.Today(clock.Now));
        var phone = record.Phone is null ? null : MobilePhones.Check(record.Phone);
        var person = new CheckedPerson(record.Name, record.DocumentType, document.Normalized ?? record.DocumentNumber,
            phone is { Ok: true } ? phone.Normalized : null, record.BirthDate ?? document.BirthDate, record.Sex ?? document.Sex);
        await GrainFactory.Patient(record.OutpatientNumber).RegisterAsync(Registration(person, "his", guardian: null));
        await FileAsync(record.OutpatientNumber, person);
    }

    public async Task<IReadOnlyList<string>> LookupAsync(string query)
    {
        query = query.Trim();
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        if (OutpatientNumberFormat.IsWellFormed(query) && (await GrainFactory.Patient(query).GetCardAsync()).Registered) numbers.Add(query);
        if (MobilePhones.Check(query) is { Ok: true } phone) await AddFromIndexAsync(numbers, PatientIndexKey.Phone, phone.Normalized!);
        foreach (var type in Enum.GetValues<DocumentType>())
            if (IdentityDocuments.Check(type, query, HospitalTime.Today(clock.Now)) is { Ok: true } document)
                await AddFromIndexAsync(numbers, PatientIndexKey.Document, DocumentKey(type, document.Normalized!));
        if (PersonNames.Check(query) is { Ok: true } name) await AddFromIndexAsync(numbers, PatientIndexKey.Name, name.Normalized!);
        return numbers.ToList();
    }

    private async Task AddFromIndexAsync(SortedSet<string> numbers, string kind, string value)
    {
        foreach (var entry in await GrainFactory.PatientIndex(kind, protector.IndexKeyOf(kind, value)).GetAsync())
            numbers.Add(entry.OutpatientNumber);
    }

    /// <summary>Matches the person against the index by ID number, then name, then phone.</summary>
    private async Task<BindingResult> FindAsync(CheckedPerson person)
    {
        var entries = await GrainFactory.PatientIndex(PatientIndexKey.Document, DocumentHash(person)).GetAsync();
        if (entries.Count == 0) return Result(LookupOutcome.NewPatient, "本院没有您的就诊记录，将为您建立新的门诊号。", "No record at this hospital yet; a new outpatient number will be created.");
        var nameHash = protector.IndexKeyOf(PatientIndexKey.Name, person.Name);
        var same = entries.Where(e => e.NameHash == nameHash).ToList();
        if (same.Count == 0) return Result(LookupOutcome.NameMismatch, "证件号码与姓名不一致，请核对后重试，或到挂号窗口办理。", "The ID number and the name do not match; check them or go to a registration window.");
        var phoneHash = person.Phone is null ? null : protector.IndexKeyOf(PatientIndexKey.Phone, person.Phone);
        var phoneOnRecord = same.Any(e => e.PhoneHash is not null);
        if (phoneOnRecord && !same.Any(e => e.PhoneHash == phoneHash))
            return Result(LookupOutcome.PhoneMismatch, "手机号与医院登记的不一致。为保护您的信息，请携带证件到挂号窗口核对后绑定。",
                "The phone differs from the hospital's record. To protect your data, confirm it at a registration window with your document.");
        return new BindingResult(LookupOutcome.Found, same.Select(e => e.OutpatientNumber).Order(StringComparer.Ordinal).ToList(), null, null, null);
    }

    private async Task<string> CreateAsync(CheckedPerson person, string source, string? guardian)
    {
        var number = await GrainFactory.GetGrain<IOutpatientNumberAllocatorGrain>(0).AllocateAsync();
        await GrainFactory.Patient(number).RegisterAsync(Registration(person, source, guardian));
        await FileAsync(number, person);
        return number;
    }

    private async Task<BindingResult> AddToAccountAsync(string number, string openId, Relationship relationship, bool makeDefault)
    {
        if (!await GrainFactory.WeChatUser(openId).AddPatientAsync(number, relationship, makeDefault, options.Value.MaxPatientsPerAccount))
            return Result(LookupOutcome.TooManyPatients, $"一个微信账号最多管理 {options.Value.MaxPatientsPerAccount} 位就诊人。",
                $"One WeChat account manages at most {options.Value.MaxPatientsPerAccount} patients.");
        await GrainFactory.Patient(number).LinkWeChatAsync(openId);
        return new BindingResult(LookupOutcome.Bound, [number], "绑定成功。", "Bound.", number);
    }

    /// <summary>Files the number under the person's ID number, phone and name (keyed hashes only).</summary>
    private async Task FileAsync(string number, CheckedPerson person)
    {
        var nameHash = protector.IndexKeyOf(PatientIndexKey.Name, person.Name);
        var phoneHash = person.Phone is null ? null : protector.IndexKeyOf(PatientIndexKey.Phone, person.Phone);
        var entry = new IndexEntry(number, nameHash, phoneHash);
        if (person.DocumentType is not null) await GrainFactory.PatientIndex(PatientIndexKey.Document, DocumentHash(person)).AddAsync(entry);
        if (phoneHash is not null) await GrainFactory.PatientIndex(PatientIndexKey.Phone, phoneHash).AddAsync(entry);
        await GrainFactory.PatientIndex(PatientIndexKey.Name, nameHash).AddAsync(entry);
    }

    private CardRegistration Registration(CheckedPerson person, string source, string? guardian) => new(
        person.Name,
        person.DocumentType,
        person.Document is null ? null : protector.Protect(person.Document),
        person.Document is null ? null : Masking.Document(person.Document),
        person.Phone is null ? null : protector.Protect(person.Phone),
        person.Phone is null ? null : Masking.Phone(person.Phone),
        person.BirthDate,
        person.Sex,
        source,
        guardian);

    private string DocumentHash(CheckedPerson person) =>
        protector.IndexKeyOf(PatientIndexKey.Document, DocumentKey(person.DocumentType!.Value, person.Document!));

    private static string DocumentKey(DocumentType type, string normalized) => $"{type}:{normalized}";

    private CheckedPerson? Checked(IdentityClaim claim)
    {
        var name = PersonNames.Check(claim.Name);
        var document = IdentityDocuments.Check(claim.DocumentType, claim.DocumentNumber, HospitalTime.Today(clock.Now));
        var phone = MobilePhones.Check(claim.Phone);
        if (!name.Ok || !document.Ok || !phone.Ok) return null;
        return new CheckedPerson(name.Normalized!, claim.DocumentType, document.Normalized!, phone.Normalized, document.BirthDate, document.Sex);
    }

    private BindingResult Invalid(IdentityClaim claim)
    {
        var faults = new List<(string Zh, string En)>();
        if (PersonNames.Check(claim.Name) is { Ok: false } name) faults.Add((name.Message, name.MessageEn));
        if (IdentityDocuments.Check(claim.DocumentType, claim.DocumentNumber, HospitalTime.Today(clock.Now)) is { Ok: false } document)
            faults.Add((document.Message, document.MessageEn));
        if (MobilePhones.Check(claim.Phone) is { Ok: false } phone) faults.Add((phone.Message, phone.MessageEn));
        return Result(LookupOutcome.Invalid, string.Join(" ", faults.Select(f => f.Zh)), string.Join(" ", faults.Select(f => f.En)));
    }

    private static BindingResult Result(LookupOutcome outcome, string message, string messageEn) => new(outcome, [], message, messageEn, null);

    /// <summary>A claim that passed every check, in normalised form.</summary>
    private sealed record CheckedPerson(string Name, DocumentType? DocumentType, string? Document, string? Phone, DateOnly? BirthDate, string? Sex)
    {
        public override string ToString() => "CheckedPerson(***)";
    }
}
