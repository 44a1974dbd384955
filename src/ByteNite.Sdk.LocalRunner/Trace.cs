using System;
using System.Diagnostics;

namespace ByteNite.Sdk.LocalRunner;

/// <summary>
/// With BYTENITE_RUNLOCAL_TRACE=1, the time of each step since the process started, on stderr: for finding where a
/// run spends its time (docs/benchmarks.md). Off by default; never part of the output a build parses.
/// </summary>
internal static class Trace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("BYTENITE_RUNLOCAL_TRACE") == "1";

    private static readonly DateTime ProcessStart = Enabled ? ReadProcessStart() : default;

    public static void Step(string what)
    {
        if (Enabled)
        {
            double since = (DateTime.Now - ProcessStart).TotalMilliseconds;
            Console.Error.WriteLine("[trace " + since.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms] " + what);
        }
    }

    private static DateTime ReadProcessStart()
    {
        using Process process = Process.GetCurrentProcess();
        return process.StartTime;
    }
}
