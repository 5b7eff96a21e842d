using System.Text.RegularExpressions;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>POSIX shell quoting, so that a logged command can be copied into a terminal as is.</summary>
public static partial class ShellQuoting
{
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && SafeArgument().IsMatch(argument))
            return argument;
        return "'" + argument.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }

    public static string Join(string executable, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(executable).Select(Quote));

    [GeneratedRegex(@"^[A-Za-z0-9_\-+=/.,:@%^]+$")]
    private static partial Regex SafeArgument();
}
