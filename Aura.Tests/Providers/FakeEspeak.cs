namespace Aura.Tests.Providers;

/// <summary>Shell scripts standing in for espeak-ng, for the failures the real one will not produce on demand.</summary>
internal static class FakeEspeak
{
    /// <summary>Answers <c>--version</c> like espeak-ng; runs <paramref name="speakBody"/> for anything else.</summary>
    public static string Create(TempFolder temp, string speakBody, string name = "fake-espeak-ng")
    {
        var path = temp.File(name);
        File.WriteAllText(path, $"""
            #!/bin/sh
            if [ "$1" = "--version" ]; then
              echo run >> "{temp.File("version-calls")}"
              echo "eSpeak NG text-to-speech: 9.99  Data at: /nowhere"
              exit 0
            fi
            {speakBody}
            """.Replace("\r\n", "\n"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Shell code that sets <c>$out</c> to the path after <c>-w</c>.</summary>
    public const string FindOutput = """
        out=""
        while [ $# -gt 0 ]; do
          if [ "$1" = "-w" ]; then out="$2"; fi
          shift
        done

        """;
}
