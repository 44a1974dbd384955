using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading;
using ByteNite.Sdk.Model.Diagnostics;
using Microsoft.Build.Framework;

namespace ByteNite.Sdk.Tasks;

/// <summary>
/// Starts the local runner (a process of its own, so that Docker.DotNet never loads into MSBuild) and relays what it
/// prints: its BNxxxx lines as diagnostics with the project's severities and their help links, everything else as
/// high-importance messages. Unlike Exec, a cancelled build stops the runner gracefully (its container is removed), and
/// a failed run fails the task, so the project is shown as failed.
/// </summary>
public sealed class RunByteNiteAppLocally : SeverityConfiguredTask, ICancelableTask
{
    // Exit codes of the runner (its --help): 1 comes with its own errors, 2 with a refused command line on its error output.
    private const int Succeeded = 0;
    private const int Cancelled = 130;

    private readonly ManualResetEventSlim _cancelled = new(false);

    /// <summary>The program that runs the runner, as <see cref="ChooseByteNiteLocalRunner"/> chose it: the native runner or the dotnet host.</summary>
    [Required]
    public string Command { get; set; } = string.Empty;

    /// <summary>Its arguments, e.g. <c>exec ".../ByteNite.Sdk.LocalRunner.dll" run --app-dir "..." --run-id ...</c>.</summary>
    [Required]
    public string Arguments { get; set; } = string.Empty;

    /// <summary>For BN4015, when the runner could not run: what to check (<see cref="LocalRunnerCommand.WhatToCheck"/>).</summary>
    [Required]
    public string WhatToCheck { get; set; } = string.Empty;

    [Required]
    public string WorkingDirectory { get; set; } = string.Empty;

    /// <summary>Where a failure of the runner itself is reported.</summary>
    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>
    /// The ByteNiteRegistryToken property, for a private image: handed to the runner in its environment
    /// (BYTENITE_REGISTRY_TOKEN), where it looks for it, and never on its command line.
    /// </summary>
    public string? RegistryToken { get; set; }

    /// <summary>How long a cancelled runner may take to stop the app and remove its container before it is killed.</summary>
    private const int CancelGracePeriodSeconds = 30;

    public void Cancel() => _cancelled.Set();

    public override bool Execute()
    {
        // Problems in the configuration itself are the validation task's to report, once per build. Read before the
        // runner's output arrives on another thread.
        _ = Severities;
        using Process? runner = TryStart();
        if (runner is null)
        {
            return false;
        }

        bool reported = false;
        string lastError = "it printed nothing on its error output";
        runner.OutputDataReceived += (_, e) => reported |= e.Data is not null && Relay(e.Data);
        runner.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lastError = e.Data!.Trim();
                Log.LogMessage(MessageImportance.High, e.Data);
            }
        };
        runner.BeginOutputReadLine();
        runner.BeginErrorReadLine();

        WaitForExit(runner);
        int exitCode = runner.ExitCode;
        if (_cancelled.IsSet)
        {
            // The user stopped the build, which MSBuild reports itself: not an error of the app's, whatever the runner's
            // exit code (130 when it stopped in time, another when it had to be killed).
            Log.LogMessage(MessageImportance.High, exitCode == Cancelled ? "RunLocal was cancelled; its container was removed." : "RunLocal was cancelled.");
            return false;
        }

        switch (exitCode)
        {
            case Succeeded:
                break;
            case Cancelled:
                DiagnosticLog.Report(Log, Diagnostic.CreateForFile(DiagnosticCatalog.RunInterrupted, ProjectPath), DiagnosticSeverity.Error);
                break;
            default:
                // The runner's own errors say what went wrong; a failure without one (a command line it refused, a
                // runtime that cannot start it) still needs a code and a next step.
                if (!reported)
                {
                    ReportRunnerFailed("it exited with code " + exitCode + ": " + lastError.TrimEnd('.'));
                }

                break;
        }

        return !Log.HasLoggedErrors;
    }

    private void ReportRunnerFailed(string what) =>
        DiagnosticLog.Report(Log, Diagnostic.CreateForFile(DiagnosticCatalog.RunnerFailed, ProjectPath, what, WhatToCheck), DiagnosticSeverity.Error);

    /// <summary>Starts the runner; null, with BN4015, when it cannot be started.</summary>
    private Process? TryStart()
    {
        var startInfo = new ProcessStartInfo(Command, Arguments + " --stop-on-input-close")
        {
            WorkingDirectory = WorkingDirectory,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (!string.IsNullOrEmpty(RegistryToken))
        {
            startInfo.Environment[Bundle.BundleTask.TokenVariable] = RegistryToken;
        }

        try
        {
            return Process.Start(startInfo);
        }
        catch (Exception e) when (e is Win32Exception || e is InvalidOperationException)
        {
            ReportRunnerFailed("'" + Command + "' could not be started (" + e.Message.TrimEnd('.') + ")");
            return null;
        }
    }

    private void WaitForExit(Process runner)
    {
        using var exited = new ManualResetEventSlim(false);
        runner.EnableRaisingEvents = true;
        runner.Exited += (_, _) => exited.Set();
        if (!runner.HasExited && WaitHandle.WaitAny(new[] { exited.WaitHandle, _cancelled.WaitHandle }) == 1)
        {
            // The end of its input is the runner's cue to stop the app and remove the container.
            runner.StandardInput.Close();
            if (!runner.WaitForExit(CancelGracePeriodSeconds * 1000))
            {
                Log.LogWarning("The local runner did not stop within " + CancelGracePeriodSeconds + " s of the cancellation and was killed; its container is removed by the next run.");
                try
                {
                    runner.Kill();
                }
                catch (InvalidOperationException)
                {
                    // It exited in the meantime.
                }
            }
        }

        // Without a timeout, this also waits until the redirected output has been read to its end.
        runner.WaitForExit();
    }

    /// <summary>Logs one line of the runner's output; true when it was a diagnostic.</summary>
    private bool Relay(string line)
    {
        // The runner writes its diagnostics from the line's start, and the app's output indented ("  | ..."): a line the
        // app printed in the canonical form ("file(1,1): error BN...") stays the app's output, never a build error.
        if (line.Length == 0 || char.IsWhiteSpace(line[0]) || !Diagnostic.TryParseCanonical(line, out Diagnostic? diagnostic))
        {
            Log.LogMessage(MessageImportance.High, line);
            return false;
        }

        Report(diagnostic!);
        return true;
    }
}
