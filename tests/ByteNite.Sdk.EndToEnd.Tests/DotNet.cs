using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>Runs the real `dotnet` CLI as a user would, with an environment that does not leak from the test host.</summary>
internal static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <param name="whileRunning">Called once the process has started, e.g. to interrupt it as a user would.</param>
    public static ProcessResult Run(string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, Action<Process>? whileRunning = null)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // `dotnet test` sets MSBuild variables for its own build; a child build must find its SDK and MSBuild by itself.
        foreach (string name in new List<string>(startInfo.Environment.Keys))
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("MSBuild", StringComparison.Ordinal)
                || name == "BYTENITE_REGISTRY_TOKEN")
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (KeyValuePair<string, string?> variable in environment)
            {
                startInfo.Environment[variable.Key] = variable.Value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            whileRunning?.Invoke(process);
        }
        catch
        {
            // A failed wait must not leave the build (and the container it started) running.
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"dotnet {string.Join(" ", startInfo.ArgumentList)} did not finish within {Timeout}:\n{output}");
        }

        // Drains the asynchronous readers.
        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}

public sealed class ProcessResult
{
    public ProcessResult(int exitCode, string output, TimeSpan elapsed)
    {
        ExitCode = exitCode;
        Output = output;
        Elapsed = elapsed;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public TimeSpan Elapsed { get; }
}
