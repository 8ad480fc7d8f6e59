using System.Text;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, records by CRLF (a bare LF is accepted too), fields
/// containing commas, quotes or line breaks enclosed in double quotes with inner quotes doubled.
/// Blank lines are skipped.
/// </summary>
internal static class CsvText
{
    /// <summary>A record and the physical line it starts on; <see cref="Fault"/> set when it is malformed.</summary>
    public sealed record Record(int Line, IReadOnlyList<string> Fields, string? Fault, string? FaultChinese);

    public static IEnumerable<Record> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var afterClosingQuote = false;
        (string English, string Chinese)? fault = null;

        int next;
        while ((next = reader.Read()) != -1)
        {
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else { inQuotes = false; afterClosingQuote = true; }
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !afterClosingQuote:
                    inQuotes = true;
                    break;
                case '"':
                    fault ??= ("a double quote inside a field that does not start with one (write it as \"\" inside a quoted field)", "字段中间出现了双引号（应将整个字段用双引号括起，并把其中的双引号写成两个）");
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterClosingQuote = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n') reader.Read();
                    fields.Add(field.ToString());
                    if (!(fields.Count == 1 && fields[0].Length == 0 && fault is null))
                        yield return new Record(recordLine, fields.ToArray(), fault?.English, fault?.Chinese);
                    fields.Clear();
                    field.Clear();
                    afterClosingQuote = false;
                    fault = null;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (afterClosingQuote)
                        fault ??= ("characters after the closing quote of a field", "字段的右引号之后还有字符");
                    else
                        field.Append(c);
                    break;
            }
        }
        if (inQuotes)
        {
            yield return new Record(recordLine, Array.Empty<string>(), "a quoted field is never closed", "有一个带引号的字段没有结束引号");
            yield break;
        }
        fields.Add(field.ToString());
        if (!(fields.Count == 1 && fields[0].Length == 0 && fault is null))
            yield return new Record(recordLine, fields.ToArray(), fault?.English, fault?.Chinese);
    }

    /// <summary>The field as it must be written: quoted when it holds a comma, quote, line break or edge space.</summary>
    public static string Quote(string field)
    {
        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field.Length > 0 && (field[0] == ' ' || field[^1] == ' ');
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
