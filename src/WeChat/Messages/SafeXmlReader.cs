using System.Text;
using System.Xml;

namespace HospitalOrleans.WeChat.Messages;

/// <summary>
/// Reads a WeChat <c>&lt;xml&gt;</c> document into leaf values keyed by their path below the
/// root (<c>Content</c>, <c>ScanCodeInfo/ScanType</c>). No DTD, no entities, no resolver, a
/// size cap: hostile documents come back as errors, never as exceptions or file reads.
/// </summary>
internal static class SafeXmlReader
{
    /// <summary>Largest document read, in characters; WeChat messages are a few kilobytes.</summary>
    public const int MaxCharacters = 65_536;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        // Zero means "unlimited" to XmlReader; with DTDs prohibited no entity can be declared
        // anyway, so this small cap only guards against a future settings change.
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static ParseResult<IReadOnlyDictionary<string, string>> Read(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return ParseResult<IReadOnlyDictionary<string, string>>.Failure("the document is empty");
        }

        if (xml.Length > MaxCharacters)
        {
            return ParseResult<IReadOnlyDictionary<string, string>>.Failure($"the document is longer than {MaxCharacters} characters");
        }

        try
        {
            return ReadLeaves(xml);
        }
        catch (XmlException exception) when (exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return ParseResult<IReadOnlyDictionary<string, string>>.Failure("DTDs and entity declarations are refused");
        }
        catch (XmlException)
        {
            // The exception text can quote the input; only its kind is reported.
            return ParseResult<IReadOnlyDictionary<string, string>>.Failure("the document is not well-formed XML");
        }
        catch (InvalidOperationException)
        {
            return ParseResult<IReadOnlyDictionary<string, string>>.Failure("the document is not well-formed XML");
        }
    }

    private static ParseResult<IReadOnlyDictionary<string, string>> ReadLeaves(string xml)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = new List<string>();
        var hasChildren = new List<bool>();
        var value = new StringBuilder();

        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (path.Count == 0 && !string.Equals(reader.Name, "xml", StringComparison.Ordinal))
                    {
                        return ParseResult<IReadOnlyDictionary<string, string>>.Failure("the root element is not <xml>");
                    }

                    if (hasChildren.Count > 0)
                    {
                        hasChildren[^1] = true;
                    }

                    value.Clear();
                    if (reader.IsEmptyElement)
                    {
                        if (path.Count > 0 && !Record(leaves, path, reader.Name, ""))
                        {
                            return Repeated(reader.Name);
                        }

                        break;
                    }

                    path.Add(reader.Name);
                    hasChildren.Add(false);
                    break;

                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    value.Append(reader.Value);
                    break;

                case XmlNodeType.EndElement:
                    var name = path[^1];
                    var isLeaf = !hasChildren[^1];
                    path.RemoveAt(path.Count - 1);
                    hasChildren.RemoveAt(hasChildren.Count - 1);
                    if (isLeaf && path.Count > 0 && !Record(leaves, path, name, value.ToString()))
                    {
                        return Repeated(name);
                    }

                    value.Clear();
                    break;
            }
        }

        return ParseResult<IReadOnlyDictionary<string, string>>.Success(leaves);
    }

    /// <summary>False when a top-level field appears twice (deeper repeats, such as list items, keep the first).</summary>
    private static bool Record(Dictionary<string, string> leaves, List<string> parents, string name, string value)
    {
        var key = parents.Count == 1 ? name : string.Join('/', parents.Skip(1).Append(name));
        if (leaves.TryAdd(key, value))
        {
            return true;
        }

        return parents.Count > 1;
    }

    private static ParseResult<IReadOnlyDictionary<string, string>> Repeated(string name) =>
        ParseResult<IReadOnlyDictionary<string, string>>.Failure($"the element <{Truncate(name)}> appears more than once");

    private static string Truncate(string name) => name.Length <= 32 ? name : name[..32] + "…";
}
