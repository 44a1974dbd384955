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
