using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Templates;

/// <summary>The account's templates: the configured list, or when it is empty any id of WeChat's shape.</summary>
public sealed partial class TemplateIds(IOptions<SimulatorOptions> options)
{
    public bool IsRegistered(string templateId)
    {
        var registered = options.Value.Templates;
        return registered.Count > 0 ? registered.Contains(templateId, StringComparer.Ordinal) : WellFormed().IsMatch(templateId);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{10,64}$")]
    private static partial Regex WellFormed();
}
