using System.Diagnostics;

namespace Aura.Tests.Support;

/// <summary>
/// Makes a file really unwritable for the service, and writable again when disposed. Tests run as
/// root here, and root ignores permission bits, so as root the file is made immutable
/// (<c>chattr +i</c>, which stops root too); as another user, its write permissions are removed.
/// </summary>
public sealed class UnwritableFile : IDisposable
{
    private readonly string _path;
    private readonly bool _immutable;

    public UnwritableFile(string path)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("an unwritable file is made the Unix way");
        _path = path;
        _immutable = Environment.UserName == "root";
        if (_immutable)
            Assert.True(Chattr("+i") == 0, $"chattr +i {path} failed: as root, only an immutable file is unwritable (needs chattr and a file system that supports it)");
        else
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        // Proof that the file is unwritable, whoever runs the tests.
        Assert.ThrowsAny<UnauthorizedAccessException>(() => File.OpenWrite(path).Dispose());
    }

    public void Dispose()
    {
        if (_immutable)
            Chattr("-i");
        else if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private int Chattr(string flag)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, _path]) { RedirectStandardError = true })!;
        chattr.WaitForExit();
        return chattr.ExitCode;
    }
}
