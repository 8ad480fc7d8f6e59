using System.Globalization;
using System.Text;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// A made-up master patient index, the same on every run for a given seed: realistic enough to
/// exercise binding (people with several historical outpatient numbers, children without a
/// phone, a few foreigners and Hong Kong, Macao and Taiwan residents) without any real person's data.
/// </summary>
/// <remarks>
/// Every record passes the checks <see cref="MpiCsv"/> applies. HIS outpatient numbers are 10
/// digits starting with 1–7 (older numbers have the smaller leading digit), never 8, the
/// platform's own prefix (<see cref="OutpatientNumberFormat"/>). About 12% of persons have two
/// numbers and 3% three; about 1% hold a document other than a resident ID.
/// </remarks>
public static class DemoMasterIndex
{
    /// <summary>The date ages are reckoned from, so the output does not depend on when it runs.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 11, 26);

    public const int DefaultSeed = 20261126;

    /// <summary>
    /// Three fixed people for the README's demo, always part of <see cref="Generate"/>'s output:
    /// an elderly mother with three historical numbers, her adult son with one, and a man whose
    /// phone in the HIS is an old one.
    /// </summary>
    public static IReadOnlyList<DemoPerson> WellKnown { get; } =
    [
        new("王秀兰", DocumentType.ResidentId, Resident("11010519480315024"), "13901186420",
            ["1003580427", "3012694518", "6025817743"],
            "78 岁的母亲：HIS 中有 3 个历史门诊号，由儿子李明代为绑卡（关系：父母）。 78-year-old mother with three historical outpatient numbers; her son Li Ming binds her card.")
        {
            MpiPhone = "13901186420", BirthDate = new(1948, 3, 15), Sex = "F",
        },
        new("李明", DocumentType.ResidentId, Resident("11010819760821013"), "13811762288",
            ["5038627190"],
            "王秀兰的儿子：本人有 1 个门诊号，并为母亲绑卡。 Wang Xiulan's son: one outpatient number of his own; binds his mother's card too.")
        {
            MpiPhone = "13811762288", BirthDate = new(1976, 8, 21), Sex = "M",
        },
        new("陈建国", DocumentType.ResidentId, Resident("31010419621103127"), "13912345608",
            ["2047719365"],
            "HIS 登记的是旧手机号，本人现在填写新号：手机号不一致，需要另行核验。 The HIS holds his old phone; he types his new one, so the phones do not match and he needs another check.")
        {
            MpiPhone = "13661234870", BirthDate = new(1962, 11, 3), Sex = "M",
        },
    ];

    public static IReadOnlyList<MpiRecord> Generate(int persons = 10_000, int seed = DefaultSeed)
    {
        if (persons < WellKnown.Count)
            throw new ArgumentOutOfRangeException(nameof(persons), persons, $"The demo index holds at least the {WellKnown.Count} well-known persons.");
        var builder = new Builder(new Random(seed));
        foreach (var person in WellKnown)
            builder.AddWellKnown(person);

        var others = persons - WellKnown.Count;
        var numberCounts = Enumerable.Repeat(1, others).ToArray();
        var order = Enumerable.Range(0, others).ToArray();
        builder.Random.Shuffle(order);
        var withTwo = (int)Math.Round(others * 0.12);
        var withThree = (int)Math.Round(others * 0.03);
        for (var i = 0; i < withTwo + withThree && i < others; i++)
            numberCounts[order[i]] = i < withTwo ? 2 : 3;

        for (var i = 0; i < others; i++)
            builder.AddGenerated(numberCounts[i]);
        return builder.Records;
    }

    private static string Resident(string first17) => first17 + ResidentIdNumber.CheckDigit(first17);

    private sealed class Builder(Random random)
    {
        public Random Random { get; } = random;
        public List<MpiRecord> Records { get; } = new();
        private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
        private readonly HashSet<string> _outpatientNumbers = new(StringComparer.Ordinal);

        public void AddWellKnown(DemoPerson person)
        {
            _documents.Add(person.DocumentNumber);
            foreach (var number in person.OutpatientNumbers)
            {
                _outpatientNumbers.Add(number);
                Records.Add(new MpiRecord(number, person.Name, person.DocumentType, person.DocumentNumber, person.MpiPhone, person.BirthDate, person.Sex));
            }
        }

        public void AddGenerated(int numberCount)
        {
            var person = Random.NextDouble() < 0.01 ? NewVisitor() : NewResident();
            // Older numbers came first and carry the smaller leading digit.
            var leadingDigits = Enumerable.Range(0, numberCount).Select(_ => Random.Next(1, 8)).Order().ToList();
            foreach (var leading in leadingDigits)
                Records.Add(person with { OutpatientNumber = NewOutpatientNumber(leading) });
        }

        private MpiRecord NewResident()
        {
            var birth = BirthDate();
            var sex = Random.Next(2) == 0 ? "M" : "F";
            var region = Random.NextDouble() < 0.35 ? Pick(DemoRegions.Local) : Pick(DemoRegions.Elsewhere);
            var document = UniqueDocument(() => Resident(region + Digits(birth) + SequenceFor(sex)));
            var name = region.StartsWith("65", StringComparison.Ordinal) && Random.NextDouble() < 0.4 ? UyghurName(sex) : ChineseName(sex);
            return new MpiRecord("", name, DocumentType.ResidentId, document, PhoneFor(birth), birth, sex);
        }

        /// <summary>Foreigners and residents of Hong Kong, Macao and Taiwan: adults, most with a mainland phone.</summary>
        private MpiRecord NewVisitor()
        {
            var birth = new DateOnly(Random.Next(1940, 2000), Random.Next(1, 13), Random.Next(1, 29));
            var sex = Random.Next(2) == 0 ? "M" : "F";
            var phone = Random.NextDouble() < 0.7 ? NewPhone() : null;
            var roll = Random.NextDouble();
            if (roll < 0.35)
                return new MpiRecord("", LatinName(sex), DocumentType.Passport, UniqueDocument(PassportNumber), phone, birth, sex);
            if (roll < 0.60)
            {
                var letter = Random.Next(3) == 0 ? "M" : "H";
                return new MpiRecord("", ChineseName(sex), DocumentType.HongKongMacauPermit, UniqueDocument(() => letter + RandomDigits(8)), phone, birth, sex);
            }
            if (roll < 0.75)
                return new MpiRecord("", ChineseName(sex), DocumentType.TaiwanPermit, UniqueDocument(() => RandomDigits(8)), phone, birth, sex);
            if (roll < 0.90)
                return new MpiRecord("", LatinName(sex), DocumentType.ForeignPermanentResidence, UniqueDocument(PermanentResidenceNumber), phone, birth, sex);
            var prefix = Pick(["810000", "820000", "830000"]);
            var permit = UniqueDocument(() => Resident(prefix + Digits(birth) + SequenceFor(sex)));
            return new MpiRecord("", ChineseName(sex), DocumentType.HkMoTwResidencePermit, permit, phone, birth, sex);
        }

        /// <summary>A cancer hospital's patients are mostly middle-aged and older; a few are children.</summary>
        private DateOnly BirthDate()
        {
            var roll = Random.NextDouble();
            int year;
            if (roll < 0.06) year = Random.Next(2008, 2016);
            else if (roll < 0.16) year = Random.Next(1990, 2008);
            else year = 1930 + (int)((Random.NextDouble() + Random.NextDouble()) / 2 * 60);
            return new DateOnly(year, 1, 1).AddDays(Random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
        }

        /// <summary>Most adults have a phone on record; children under 16 mostly do not (a guardian's may be elsewhere).</summary>
        private string? PhoneFor(DateOnly birth)
        {
            var sixteenth = birth.AddYears(16);
            var share = sixteenth > ReferenceDate ? 0.3 : birth.AddYears(80) <= ReferenceDate ? 0.85 : 0.95;
            return Random.NextDouble() < share ? NewPhone() : null;
        }

        private string NewPhone() => Pick(DemoRegions.PhonePrefixes) + RandomDigits(8);

        private string NewOutpatientNumber(int leading)
        {
            string number;
            do number = leading.ToString(CultureInfo.InvariantCulture) + RandomDigits(9);
            while (!_outpatientNumbers.Add(number));
            return number;
        }

        private string UniqueDocument(Func<string> next)
        {
            string document;
            do document = next();
            while (!_documents.Add(document));
            return document;
        }

        private string SequenceFor(string sex)
        {
            var last = Random.Next(5) * 2 + (sex == "M" ? 1 : 0);
            return RandomDigits(2) + last.ToString(CultureInfo.InvariantCulture);
        }

        private string PassportNumber() => Random.Next(3) switch
        {
            0 => "E" + RandomDigits(8),
            1 => RandomLetters(2) + RandomDigits(7),
            _ => RandomLetters(1) + RandomDigits(8),
        };

        /// <summary>Half in the pre-2023 form (3-letter nationality + 12 digits), half in the 2023 form starting with 9.</summary>
        private string PermanentResidenceNumber() => Random.Next(2) == 0
            ? Pick(["USA", "GBR", "JPN", "KOR", "DEU", "FRA", "AUS", "CAN"]) + RandomDigits(12)
            : Resident("9" + Pick(["11", "31", "44"]) + Pick(["840", "826", "392", "410", "276", "250", "036", "124"]) + RandomDigits(11));

        private string ChineseName(string sex)
        {
            // Squaring skews the pick towards the common surnames at the front of the list.
            var surname = DemoNames.Surnames[(int)(Math.Pow(Random.NextDouble(), 2) * DemoNames.Surnames.Length)];
            var characters = sex == "M" ? DemoNames.MaleCharacters : DemoNames.FemaleCharacters;
            var given = Pick(characters);
            if (Random.NextDouble() < 0.7) given += Pick(characters);
            return surname + given;
        }

        private string UyghurName(string sex) =>
            Pick(sex == "M" ? DemoNames.UyghurMale : DemoNames.UyghurFemale) + PersonNames.MiddleDot + Pick(DemoNames.UyghurFathers);

        private string LatinName(string sex) =>
            Pick(sex == "M" ? DemoNames.LatinGivenMale : DemoNames.LatinGivenFemale) + " " + Pick(DemoNames.LatinFamily);

        private string Pick(string[] choices) => choices[Random.Next(choices.Length)];

        private string RandomDigits(int count)
        {
            var builder = new StringBuilder(count);
            for (var i = 0; i < count; i++) builder.Append((char)('0' + Random.Next(10)));
            return builder.ToString();
        }

        private string RandomLetters(int count)
        {
            var builder = new StringBuilder(count);
            for (var i = 0; i < count; i++) builder.Append((char)('A' + Random.Next(26)));
            return builder.ToString();
        }

        private static string Digits(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }
}
