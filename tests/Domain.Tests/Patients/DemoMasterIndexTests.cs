using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class DemoMasterIndexTests
{
    private static readonly IReadOnlyList<MpiRecord> Records = DemoMasterIndex.Generate();

    private static readonly List<IGrouping<string, MpiRecord>> Persons =
        Records.GroupBy(r => r.DocumentType + ":" + r.DocumentNumber).ToList();

    [Fact]
    public void HoldsTenThousandPersons() => Assert.Equal(10_000, Persons.Count);

    [Fact]
    public void PassesEveryCheckOfTheImportAndReadsBackUnchanged()
    {
        var rows = MpiCsv.Read(new StringReader(MpiCsv.Write(Records)), DemoMasterIndex.ReferenceDate).ToList();

        Assert.Empty(rows.Where(r => r.Rejection is not null).Select(r => $"line {r.Line}: {r.Rejection}"));
        Assert.Equal(Records, rows.Select(r => r.Record));
    }

    [Fact]
    public void GivesEveryRowItsOwnTenDigitHisNumberThatThePlatformCouldNeverIssue()
    {
        var platform = new OutpatientNumberFormat();

        Assert.Equal(Records.Count, Records.Select(r => r.OutpatientNumber).Distinct().Count());
        Assert.All(Records, r =>
        {
            Assert.Matches("^[1-7][0-9]{9}$", r.OutpatientNumber);
            Assert.False(platform.IsGenerated(r.OutpatientNumber));
        });
    }

    [Fact]
    public void GivesAboutOneInEightPersonsTwoNumbersAndThreeInAHundredThree()
    {
        var withTwo = Persons.Count(p => p.Count() == 2);
        var withThree = Persons.Count(p => p.Count() == 3);

        Assert.InRange(withTwo, 1_150, 1_250);
        Assert.InRange(withThree, 270, 330);
        Assert.All(Persons, p => Assert.InRange(p.Count(), 1, 3));
    }

    [Fact]
    public void KeepsAPersonsRowsIdenticalApartFromTheNumber() =>
        Assert.All(Persons, p => Assert.Single(p.Select(r => (r.Name, r.Phone, r.BirthDate, r.Sex)).Distinct()));

    [Fact]
    public void HoldsAFewForeignersAndResidentsOfHongKongMacaoAndTaiwan()
    {
        var others = Persons.Where(p => p.First().DocumentType != DocumentType.ResidentId).ToList();

        Assert.InRange(others.Count, 50, 150);
        Assert.Equal(5, others.Select(p => p.First().DocumentType).Distinct().Count());
        Assert.Contains(others, p => p.First().Name.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void LeavesMostChildrenWithoutAPhoneAndGivesMostAdultsOne()
    {
        var residents = Persons.Select(p => p.First()).Where(r => r.BirthDate is not null).ToList();
        var children = residents.Where(r => r.BirthDate!.Value.AddYears(16) > DemoMasterIndex.ReferenceDate).ToList();
        var adults = residents.Except(children).ToList();

        Assert.NotEmpty(children);
        Assert.True(children.Count(c => c.Phone is null) > children.Count / 2, "most children have no phone");
        Assert.True(adults.Count(a => a.Phone is not null) > adults.Count * 8 / 10, "most adults have a phone");
    }

    [Fact]
    public void BornBetween1930And2015()
    {
        Assert.All(Persons.Where(p => p.First().DocumentType == DocumentType.ResidentId), p =>
            Assert.InRange(p.First().BirthDate!.Value.Year, 1930, 2015));
    }

    [Fact]
    public void IncludesTheWellKnownPersonsWithTheirNumbersAndTheHisPhone()
    {
        Assert.Equal(3, DemoMasterIndex.WellKnown.Count);
        foreach (var person in DemoMasterIndex.WellKnown)
        {
            var rows = Records.Where(r => r.DocumentNumber == person.DocumentNumber).ToList();
            Assert.Equal(person.OutpatientNumbers.Order(), rows.Select(r => r.OutpatientNumber).Order());
            Assert.All(rows, r => Assert.Equal((person.Name, person.DocumentType, person.MpiPhone, person.BirthDate, person.Sex), (r.Name, r.DocumentType, r.Phone, r.BirthDate, r.Sex)));
            var check = IdentityDocuments.Check(person.DocumentType, person.DocumentNumber, DemoMasterIndex.ReferenceDate);
            Assert.True(check.Ok, check.MessageEn);
            Assert.Equal((person.BirthDate, person.Sex), (check.BirthDate, check.Sex));
            Assert.True(MobilePhones.Check(person.Phone).Ok);
        }
    }

    [Fact]
    public void DescribesAnElderlyParentWithThreeNumbersHerSonAndAPhoneMismatch()
    {
        var (parent, son, changedPhone) = (DemoMasterIndex.WellKnown[0], DemoMasterIndex.WellKnown[1], DemoMasterIndex.WellKnown[2]);

        Assert.Equal(3, parent.OutpatientNumbers.Count);
        Assert.Equal(78, Age(parent.BirthDate));
        Assert.Single(son.OutpatientNumbers);
        Assert.InRange(Age(son.BirthDate), 18, 60);
        Assert.Equal(parent.Phone, parent.MpiPhone);
        Assert.NotEqual(changedPhone.Phone, changedPhone.MpiPhone);
        Assert.All(DemoMasterIndex.WellKnown, p => Assert.NotEmpty(p.Note));
    }

    [Fact]
    public void GeneratesTheSameIndexForTheSameSeedAndAnotherForAnother()
    {
        Assert.Equal(DemoMasterIndex.Generate(500, 7), DemoMasterIndex.Generate(500, 7));
        Assert.NotEqual(DemoMasterIndex.Generate(500, 7), DemoMasterIndex.Generate(500, 8));
        Assert.Equal(Records, DemoMasterIndex.Generate());
    }

    [Fact]
    public void RefusesToLeaveOutTheWellKnownPersons() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoMasterIndex.Generate(persons: 2));

    private static int Age(DateOnly birth)
    {
        var today = DemoMasterIndex.ReferenceDate;
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }
}
