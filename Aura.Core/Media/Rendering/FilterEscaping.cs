using System.Text;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// Escaping for values placed inside an FFmpeg filtergraph (<c>-vf</c>, <c>-filter_complex</c>).
/// FFmpeg unescapes twice: the graph parser first (where <c>\ ' [ ] , ;</c> are special), then the
/// filter's option parser (where <c>\ ' :</c> are). So a value is quoted for the option parser and
/// the result escaped again for the graph parser. Only paths the service made are passed this way;
/// text users wrote reaches FFmpeg through files.
/// </summary>
public static class FilterEscaping
{
    private const string GraphSpecials = "\\'[],;";

    /// <summary>A value for <c>key=value</c> inside a filter, e.g. a <c>fontfile</c> or <c>textfile</c> path.</summary>
    public static string OptionValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0'))
            throw new ArgumentException("A filter value cannot contain a NUL character.", nameof(value));
        return ForGraph(ForOption(value));
    }

    /// <summary>First level: single quotes make everything literal; a quote itself is closed, escaped and reopened.</summary>
    internal static string ForOption(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    /// <summary>Second level: a backslash before every character the graph parser treats specially.</summary>
    internal static string ForGraph(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (GraphSpecials.Contains(c))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
