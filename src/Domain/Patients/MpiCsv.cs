using System.Globalization;
using System.Text;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// The file format for importing the master patient index: RFC 4180 CSV in UTF-8, one outpatient
/// number per row, under a fixed header:
/// <c>outpatient_number,name,document_type,document_number,phone,birth_date,sex</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>document_type: the enum name (<c>ResidentId</c>, any case) or a Chinese name (居民身份证/身份证,
/// 护照, 港澳居民来往内地通行证/回乡证, 台湾居民来往大陆通行证/台胞证, 外国人永久居留身份证/永居证,
/// 港澳台居民居住证).</item>
/// <item>phone, birth_date and sex may be empty. birth_date is yyyy-MM-dd (yyyy/M/d and yyyyMMdd are
/// also read); sex is M/F, 男/女 or male/female. When empty they are taken from the document
/// number where it encodes them; when given they must agree with it.</item>
/// <item>Each row is checked with the same rules as a patient's own input; the first fault found
/// refuses the row. An outpatient number that appears twice refuses the later row, whether or
/// not it names the same person.</item>
/// <item>A file whose first line is not the header is refused as a whole with a single rejection on
/// line 1, so a file with shifted or missing columns is never half imported.</item>
/// <item>Rejections never quote the file's values, not even a wrong header or document type: a
/// shifted column can put a document number or phone anywhere.</item>
/// </list>
/// </remarks>
public static class MpiCsv
{
    public const string Header = "outpatient_number,name,document_type,document_number,phone,birth_date,sex";

    private static readonly string[] Columns = Header.Split(',');

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd"];

    /// <summary>Reads rows lazily, so a large export streams; <paramref name="today"/> bounds birth dates.</summary>
    public static IEnumerable<MpiRow> Read(TextReader reader, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = CsvText.Read(reader).GetEnumerator();
        if (!records.MoveNext() || !IsHeader(records.Current))
        {
            yield return new MpiRow(1, null,
                $"The first line must be the header {Header}; the file was not read. / 第一行必须是表头 {Header}，整个文件未导入。");
            yield break;
        }
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
            yield return Parse(records.Current, today, firstLineOf);
    }

    /// <summary>The records as a CSV file under <see cref="Header"/>, CRLF line ends; the caller writes it as UTF-8.</summary>
    public static string Write(IEnumerable<MpiRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = new StringBuilder(Header).Append("\r\n");
        foreach (var record in records)
        {
            string[] fields =
            [
                record.OutpatientNumber,
                record.Name,
                record.DocumentType.ToString(),
                record.DocumentNumber,
                record.Phone ?? "",
                record.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                record.Sex ?? "",
            ];
            builder.AppendJoin(',', fields.Select(CsvText.Quote)).Append("\r\n");
        }
        return builder.ToString();
    }

    private static bool IsHeader(CsvText.Record record)
    {
        if (record.Fault is not null || record.Fields.Count != Columns.Length) return false;
        for (var i = 0; i < Columns.Length; i++)
        {
            var name = record.Fields[i].Trim().TrimStart('\uFEFF');
            if (!string.Equals(name, Columns[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    private static MpiRow Parse(CsvText.Record row, DateOnly today, Dictionary<string, int> firstLineOf)
    {
        MpiRow Reject(string column, string english, string chinese) =>
            new(row.Line, null, $"{column}: {english} / {ColumnChinese(column)}：{chinese}");

        if (row.Fault is not null)
            return new MpiRow(row.Line, null, $"The row is not valid CSV: {row.Fault}. / 该行不是有效的 CSV：{row.FaultChinese}。");
        if (row.Fields.Count != Columns.Length)
            return new MpiRow(row.Line, null,
                $"The row has {row.Fields.Count} columns; {Columns.Length} are expected. / 该行有 {row.Fields.Count} 列，应为 {Columns.Length} 列。");
        var f = row.Fields;

        var outpatient = InputText.Compact(f[0]);
        if (!OutpatientNumberFormat.IsWellFormed(outpatient))
            return Reject("outpatient_number", "must be 6–20 letters or digits.", "应为 6–20 位字母或数字。");
        if (firstLineOf.TryGetValue(outpatient, out var firstLine))
            return Reject("outpatient_number", $"the same number is already on line {firstLine}.", $"与第 {firstLine} 行的门诊号重复。");

        var name = PersonNames.Check(f[1]);
        if (!name.Ok) return Reject("name", name.MessageEn, name.Message);

        if (!DocumentTypeNames.TryParse(f[2], out var type))
            return Reject("document_type", "unknown document type; use ResidentId, Passport, HongKongMacauPermit, TaiwanPermit, ForeignPermanentResidence, HkMoTwResidencePermit or the Chinese name.",
                "无法识别的证件类型；请使用 ResidentId 等英文名称或居民身份证、护照等中文名称。");

        var document = IdentityDocuments.Check(type, f[3], today);
        if (!document.Ok) return Reject("document_number", document.MessageEn, document.Message);

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(f[4]))
        {
            var phoneCheck = MobilePhones.Check(f[4]);
            if (!phoneCheck.Ok) return Reject("phone", phoneCheck.MessageEn, phoneCheck.Message);
            phone = phoneCheck.Normalized;
        }

        var birthDate = document.BirthDate;
        if (!string.IsNullOrWhiteSpace(f[5]))
        {
            if (!DateOnly.TryParseExact(f[5].Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
                return Reject("birth_date", "is not a date; write it as yyyy-MM-dd.", "不是有效日期，请写成 yyyy-MM-dd。");
            if (given < IdentityDocuments.EarliestBirthDate) return Reject("birth_date", "is before 1900.", "早于 1900 年。");
            if (given > today) return Reject("birth_date", "is after today.", "晚于今天。");
            if (birthDate is { } encoded && encoded != given)
                return Reject("birth_date", "differs from the birth date in document_number.", "与证件号码中的出生日期不一致。");
            birthDate = given;
        }

        var sex = document.Sex;
        if (!string.IsNullOrWhiteSpace(f[6]))
        {
            if (ParseSex(f[6]) is not { } given)
                return Reject("sex", "must be M or F (男/女).", "应为 M 或 F（男/女）。");
            if (sex is not null && sex != given)
                return Reject("sex", "differs from the sex encoded in document_number.", "与证件号码中的性别不一致。");
            sex = given;
        }

        firstLineOf[outpatient] = row.Line;
        return new MpiRow(row.Line, new MpiRecord(outpatient, name.Normalized!, type, document.Normalized!, phone, birthDate, sex), null);
    }

    private static string? ParseSex(string text) => text.Trim().ToUpperInvariant() switch
    {
        "M" or "MALE" or "男" => "M",
        "F" or "FEMALE" or "女" => "F",
        _ => null,
    };

    private static string ColumnChinese(string column) => column switch
    {
        "outpatient_number" => "门诊号",
        "name" => "姓名",
        "document_type" => "证件类型",
        "document_number" => "证件号码",
        "phone" => "手机号码",
        "birth_date" => "出生日期",
        "sex" => "性别",
        _ => column,
    };
}
