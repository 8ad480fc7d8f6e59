using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class MpiCsvTests
{
    private const string ValidId = "11010519491231002X";
    private const string ValidPhone = "13901186420";

    private static List<MpiRow> Read(string text) => MpiCsv.Read(new StringReader(text), Ids.Today).ToList();

    private static List<MpiRow> ReadRows(params string[] rows) => Read(MpiCsv.Header + "\r\n" + string.Join("\r\n", rows) + "\r\n");

    private static string Rejection(string row) => Assert.Single(ReadRows(row)).Rejection ?? throw new Xunit.Sdk.XunitException("The row was accepted.");

    [Fact]
    public void WritesAndReadsBackTheSameRecords()
    {
        MpiRecord[] records =
        [
            new("1003580427", "王秀兰", DocumentType.ResidentId, "11010519480315024" + ResidentIdNumber.CheckDigit("11010519480315024"), ValidPhone, new DateOnly(1948, 3, 15), "F"),
            new("3012694518", "王秀兰", DocumentType.ResidentId, "11010519480315024" + ResidentIdNumber.CheckDigit("11010519480315024"), ValidPhone, new DateOnly(1948, 3, 15), "F"),
            new("MZ00012345", "Seán O'Brien", DocumentType.Passport, "PA1234567", null, null, null),
            new("4000000001", "买买提·艾力", DocumentType.ResidentId, Ids.WithCheckDigit("65010219800101123"), null, new DateOnly(1980, 1, 1), "M"),
            new("5000000001", "J. R. Smith", DocumentType.ForeignPermanentResidence, "USA110090123456", "13811762288", new DateOnly(1970, 5, 6), "M"),
        ];

        var text = MpiCsv.Write(records);
        var rows = Read(text);

        Assert.StartsWith(MpiCsv.Header + "\r\n", text);
        Assert.All(rows, row => Assert.Null(row.Rejection));
        Assert.Equal(records, rows.Select(r => r.Record));
        Assert.Equal([2, 3, 4, 5, 6], rows.Select(r => r.Line));
    }

    [Fact]
    public void KeepsAQuotedCommaInsideItsField()
    {
        var record = new MpiRecord("1000000001", "Smith, John", DocumentType.Passport, "PA1234567", null, null, null);

        var text = MpiCsv.Write([record]);
        var row = Assert.Single(Read(text));

        Assert.Contains("\"Smith, John\"", text);
        Assert.StartsWith("name:", row.Rejection);
    }

    [Fact]
    public void DoublesQuotesInsideAWrittenField()
    {
        var record = new MpiRecord("1000000001", "Anne \"Annie\" Lee", DocumentType.Passport, "PA1234567", null, null, null);

        Assert.Contains("\"Anne \"\"Annie\"\" Lee\"", MpiCsv.Write([record]));
    }

    [Fact]
    public void ReadsQuotedFieldsAndLineBreaksInsideThem()
    {
        var rows = ReadRows(
            $"\"1000000001\",\"张三\",\"居民身份证\",\"{ValidId}\",\"\",\"\",\"\"",
            $"\"1000000002\",\"张\n三\",ResidentId,{ValidId},,,",
            $"1000000003,李四,身份证,{ValidId},,,");

        Assert.Equal([2, 3, 5], rows.Select(r => r.Line));
        Assert.Null(rows[0].Rejection);
        Assert.Equal("张三", rows[1].Record?.Name);
        Assert.Equal("李四", rows[2].Record?.Name);
    }

    [Fact]
    public void TakesBirthDateAndSexFromTheDocumentWhenTheColumnsAreEmpty()
    {
        var record = Assert.Single(ReadRows($"1000000001,张三,ResidentId,{ValidId},,,")).Record;

        Assert.NotNull(record);
        Assert.Equal(new DateOnly(1949, 12, 31), record.BirthDate);
        Assert.Equal("F", record.Sex);
        Assert.Null(record.Phone);
    }

    [Fact]
    public void NormalizesWhatItReads()
    {
        var record = Assert.Single(ReadRows($" 1000000001 , 张 三 ,residentid,{ValidId.ToLowerInvariant()},+86 139-0118-6420,1949/12/31,女")).Record;

        Assert.Equal(new MpiRecord("1000000001", "张三", DocumentType.ResidentId, ValidId, ValidPhone, new DateOnly(1949, 12, 31), "F"), record);
    }

    [Fact]
    public void AcceptsOnePersonOnSeveralRowsWithTheirHistoricalNumbers()
    {
        var rows = ReadRows($"1000000001,张三,ResidentId,{ValidId},,,", $"3000000001,张三,ResidentId,{ValidId},,,", $"6000000001,张三,ResidentId,{ValidId},,,");

        Assert.All(rows, row => Assert.NotNull(row.Record));
    }

    [Fact]
    public void AcceptsAByteOrderMarkAndHeaderNamesInAnyCase()
    {
        var rows = Read("\uFEFF" + MpiCsv.Header.ToUpperInvariant() + "\n" + $"1000000001,张三,ResidentId,{ValidId},,,\n");

        Assert.NotNull(Assert.Single(rows).Record);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,,,\r\n")]
    [InlineData("outpatient_number,name,document_type,document_number,phone,birth_date\r\n")]
    [InlineData("outpatient_number,name,document_type,document_number,mobile,birth_date,sex\r\n1000000001,张三,ResidentId,11010519491231002X,,,\r\n")]
    public void RefusesAFileWithoutTheHeaderAsAWhole(string text)
    {
        var row = Assert.Single(Read(text));

        Assert.Equal(1, row.Line);
        Assert.Null(row.Record);
        Assert.Contains("header", row.Rejection);
        Assert.Contains("表头", row.Rejection);
        Assert.DoesNotContain(ValidId, row.Rejection);
    }

    [Theory]
    [InlineData("10001,张三,ResidentId,11010519491231002X,,,", "outpatient_number:", "门诊号：")]
    [InlineData("1000-000001,张三,ResidentId,11010519491231002X,,,", "outpatient_number:", "门诊号：")]
    [InlineData("1000000001,张3,ResidentId,11010519491231002X,,,", "name: A name cannot contain digits.", "姓名：姓名不能包含数字。")]
    [InlineData("1000000001,,ResidentId,11010519491231002X,,,", "name:", "姓名：请填写姓名。")]
    [InlineData("1000000001,张三,DriverLicence,11010519491231002X,,,", "document_type:", "证件类型：")]
    [InlineData("1000000001,张三,2,11010519491231002X,,,", "document_type:", "证件类型：")]
    [InlineData("1000000001,张三,ResidentId,110105194912310021,,,", "document_number:", "证件号码：居民身份证号码最后一位校验码不符")]
    [InlineData("1000000001,张三,ResidentId,,,,", "document_number:", "证件号码：请填写居民身份证号码。")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,12812345678,,", "phone:", "手机号码：")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,1390118642,,", "phone:", "手机号码：")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,,31/12/1949,", "birth_date: is not a date", "出生日期：")]
    [InlineData("1000000001,张三,Passport,PA1234567,,2030-01-01,", "birth_date: is after today", "出生日期：晚于今天")]
    [InlineData("1000000001,张三,Passport,PA1234567,,1899-12-31,", "birth_date: is before 1900", "出生日期：早于 1900 年")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,,1949-12-30,", "birth_date: differs from the birth date in document_number", "出生日期：与证件号码中的出生日期不一致")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,,,X", "sex: must be M or F", "性别：")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,,,M", "sex: differs from the sex encoded in document_number", "性别：与证件号码中的性别不一致")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,,", "6 columns; 7 are expected", "该行有 6 列，应为 7 列")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,,,,", "8 columns; 7 are expected", "该行有 8 列")]
    [InlineData("1000000001,张\"三,ResidentId,11010519491231002X,,,", "not valid CSV", "不是有效的 CSV")]
    [InlineData("1000000001,\"张三\"x,ResidentId,11010519491231002X,,,", "not valid CSV", "右引号之后")]
    public void RefusesARowNamingTheColumnAndTheFaultInBothLanguages(string row, string english, string chinese)
    {
        var rejection = Rejection(row);

        Assert.Contains(english, rejection);
        Assert.Contains(chinese, rejection);
    }

    [Fact]
    public void RefusesAnOutpatientNumberAlreadyUsedOnAnEarlierLine()
    {
        var rows = ReadRows($"1000000001,张三,ResidentId,{ValidId},,,", $"1000000001,李四,Passport,PA1234567,,,");

        Assert.NotNull(rows[0].Record);
        Assert.Equal("outpatient_number: the same number is already on line 2. / 门诊号：与第 2 行的门诊号重复。", rows[1].Rejection);
    }

    [Fact]
    public void RefusesAQuotedFieldThatIsNeverClosedAndStops()
    {
        var rows = Read(MpiCsv.Header + "\r\n" + $"1000000001,\"张三,ResidentId,{ValidId},,,\r\n2000000001,李四,ResidentId,{ValidId},,,\r\n");

        var row = Assert.Single(rows);
        Assert.Equal(2, row.Line);
        Assert.Contains("never closed", row.Rejection);
        Assert.DoesNotContain(ValidId, row.Rejection);
    }

    [Theory]
    [InlineData("1000000001,张三,ResidentId,110105194912310021,13901186420,,")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002,13901186420,,")]
    [InlineData("1000000001,张三,Passport,139-0118-6420,13901186420,,")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,139011864201,,")]
    [InlineData("1000000001,张三,11010519491231002X,ResidentId,13901186420,,")]
    [InlineData("1000000001,11010519491231002X,ResidentId,11010519491231002X,13901186420,,")]
    [InlineData("11010519491231002X-,张三,ResidentId,11010519491231002X,13901186420,,")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,13901186420,11010519491231002X,")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,13901186420,,13901186420")]
    [InlineData("1000000001,张三,ResidentId,11010519491231002X,13901186420")]
    [InlineData("outpatient_number,name,document_type,document_number,phone,birth_date,sex_\r\n1000000001,张三,ResidentId,11010519491231002X,13901186420,,")]
    public void NeverQuotesADocumentNumberOrPhoneInARejection(string row)
    {
        var rows = row.StartsWith("outpatient_number", StringComparison.Ordinal) ? Read(row) : ReadRows(row);

        var rejection = Assert.Single(rows).Rejection;
        Assert.NotNull(rejection);
        foreach (var secret in new[] { "11010519491231002", "110105194912310021", "1390118642", "139011864201" })
            Assert.DoesNotContain(secret, rejection);
    }

    [Fact]
    public void SkipsBlankLines()
    {
        var rows = Read(MpiCsv.Header + "\r\n\r\n" + $"1000000001,张三,ResidentId,{ValidId},,,\r\n\r\n");

        Assert.Equal(3, Assert.Single(rows).Line);
    }
}
