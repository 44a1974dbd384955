using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

internal static class BuildAssert
{
    public static void Succeeded(BuildResult result)
    {
        Assert.True(result.ExitCode == 0, "The build should succeed: " + result);
        NoCrash(result);
    }

    public static void Failed(BuildResult result)
    {
        Assert.True(result.ExitCode != 0, "The build should fail: " + result);
        NoCrash(result);
    }

    /// <summary>No input may crash the build: no MSB4018 (task threw), no unhandled exception, no stack trace, no BN0099.</summary>
    public static void NoCrash(BuildResult result)
    {
        Assert.DoesNotContain("MSB4018", result.Output);
        Assert.DoesNotContain("MSB4062", result.Output); // the task could not be loaded
        Assert.DoesNotContain("Unhandled exception", result.Output);
        Assert.DoesNotContain("BN0099", result.Output);
        Assert.False(Regex.IsMatch(result.Output, @"^\s+at [\w.`<>]+[.(]", RegexOptions.Multiline), "A stack trace was printed: " + result);
    }

    /// <summary>The exact diagnostic line is printed (the classic console logger prints it twice: live and in the summary).</summary>
    public static void HasLine(BuildResult result, string expected)
    {
        Assert.True(result.DiagnosticLines.Contains(expected), $"Expected the line\n{expected}\nin the build output:\n{result}");
    }

    public static void NoBnDiagnostics(BuildResult result)
    {
        Assert.True(!result.BnLines.Any(), "Expected no BN diagnostics: " + result);
    }
}
