using System;
using Xunit;

namespace ByteNite.Sdk.Tests.Shared;

/// <summary>
/// A test of Unix behaviour (symbolic links, named pipes, file modes). Elsewhere it is reported as skipped, with the
/// reason, rather than returning early and counting as a pass.
/// </summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Skipped: Unix file-system behaviour; this is Windows.";
        }
    }
}

/// <summary>The theory form of <see cref="UnixFactAttribute"/>.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Skipped: Unix file-system behaviour; this is Windows.";
        }
    }
}

/// <summary>A test that needs Unix permissions to deny access, which they never do to root.</summary>
public sealed class UnixNonRootFactAttribute : FactAttribute
{
    public UnixNonRootFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Skipped: Unix permissions; this is Windows.";
        }
        else if (Environment.UserName == "root")
        {
            Skip = "Skipped: permissions do not deny anything to root; run the tests as another user to cover this.";
        }
    }
}

/// <summary>A test of the native local runner, which the SDK ships for x64 Linux with glibc 2.34 or later only.</summary>
public sealed class NativeRunnerFactAttribute : FactAttribute
{
    public NativeRunnerFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Skip = "Skipped: the native local runner is for x64 Linux; this machine runs the .NET runner, which the other RunLocal tests cover.";
        }
        else if (GlibcVersion() is not { } glibc || glibc < new Version(2, 34))
        {
            Skip = "Skipped: the native local runner needs glibc 2.34 or later; this machine runs the .NET runner, which the other RunLocal tests cover.";
        }
    }

    private static Version? GlibcVersion()
    {
        try
        {
            return Version.TryParse(System.Runtime.InteropServices.Marshal.PtrToStringAnsi(gnu_get_libc_version()), out Version? version) ? version : null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc.so.6")]
    private static extern IntPtr gnu_get_libc_version();
}
