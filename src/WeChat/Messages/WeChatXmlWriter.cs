using System.Globalization;
using System.Text;
using System.Xml;

namespace HospitalOrleans.WeChat.Messages;

/// <summary>
/// Writes XML the way WeChat does: no declaration, root <c>&lt;xml&gt;</c>, strings in CDATA,
/// numbers bare, no whitespace between elements.
/// </summary>
internal sealed class WeChatXmlWriter
{
    private readonly StringBuilder text = new("<xml>");

    public WeChatXmlWriter Cdata(string name, string value)
    {
        text.Append('<').Append(name).Append("><![CDATA[");
        AppendCdataContent(value);
        text.Append("]]></").Append(name).Append('>');
        return this;
    }

    public WeChatXmlWriter CdataIfPresent(string name, string? value) =>
        value is null ? this : Cdata(name, value);

    public WeChatXmlWriter Number(string name, long value)
    {
        text.Append('<').Append(name).Append('>')
            .Append(value.ToString(CultureInfo.InvariantCulture))
            .Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>Bare when the text is a plain unsigned number (as WeChat writes timestamps), CDATA otherwise.</summary>
    public WeChatXmlWriter NumberText(string name, string value)
    {
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            text.Append('<').Append(name).Append('>').Append(value).Append("</").Append(name).Append('>');
            return this;
        }

        return Cdata(name, value);
    }

    public WeChatXmlWriter Open(string name)
    {
        text.Append('<').Append(name).Append('>');
        return this;
    }

    public WeChatXmlWriter Close(string name)
    {
        text.Append("</").Append(name).Append('>');
        return this;
    }

    public override string ToString() => text.ToString() + "</xml>";

    private void AppendCdataContent(string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            // A character XML 1.0 cannot carry (control characters, lone surrogates) would make
            // the whole document unreadable to WeChat; it is dropped instead.
            AppendCdataRun(value.AsSpan(start, i - start));
            start = i + 1;
        }

        AppendCdataRun(value.AsSpan(start));
    }

    private void AppendCdataRun(ReadOnlySpan<char> run)
    {
        // "]]>" would end the section early: close after "]]" and reopen before ">".
        while (run.IndexOf("]]>", StringComparison.Ordinal) is var end and >= 0)
        {
            text.Append(run[..(end + 2)]).Append("]]><![CDATA[");
            run = run[(end + 2)..];
        }

        text.Append(run);
    }
}
