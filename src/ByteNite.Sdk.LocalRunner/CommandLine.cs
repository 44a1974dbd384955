using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ByteNite.Sdk.LocalRunner;

/// <summary>The runner's command line. Small and hand-written: a handful of switches, no dependency for them.</summary>
public sealed class CommandLine
{
    public const string Usage = """
        ByteNite.Sdk.LocalRunner: runs a ByteNite app in Docker against sample data, as the platform runs it.

        Usage:
          ByteNite.Sdk.LocalRunner run --app-dir DIR [options]
          ByteNite.Sdk.LocalRunner sweep            remove containers left by runs that were killed
          ByteNite.Sdk.LocalRunner --help

        Options of run:
          --app-dir DIR          the app folder (manifest.json, app/); default: the current folder
          --input FILE           sample input, copied to TASK_DIR/data.bin (default: sample/data.bin if present)
          --no-input             run without data.bin even if sample/data.bin exists
          --params FILE          app parameters (JSON object), passed as APP_PARAMS and checked against
                                 schema.json (default: sample/params.json if present, else {})
          --files FILE           the app's files as the bundle holds them (the list the build writes in obj/);
                                 default: every file of app/ but __pycache__/
          --output-dir DIR       runs go to DIR/<run-id>/ (default: <app-dir>/bin/runlocal)
          --timeout SECONDS      stop the app this long after its container starts; 0 = none (default: 1800)
          --pull POLICY          missing (default) | always | never
          --no-limits            ignore device_requirements (no CPU or memory limit)
          --shared-cache DIR     mounted read-only as SHARED_CACHE_DIR (default: an empty folder)
          --user-cache DIR       mounted read-write as USER_CACHE_DIR (default: a Docker volume kept per user)
          --run-id ID            name of the run folder (default: yyyyMMdd-HHmmss-xxxx)
          --origin FILE          file that diagnostics without a file of their own point at (default: manifest.json)
          --caller cli|msbuild   word hints with switches (cli) or MSBuild properties (msbuild)
          --quiet-app            do not echo the app's output (it is still written to container.log)
          --stop-on-input-close  cancel the run when standard input reaches its end (how a build cancels it
                                 on any OS: the MSBuild task keeps the runner's input open and closes it)

        Exit codes: 0 the app succeeded; 1 it failed or could not run (see the BNxxxx errors); 2 bad command line;
        130 cancelled (Ctrl+C or SIGTERM). Diagnostics use MSBuild's format: file(line,col): error BN4001: message.
        Docs: docs/runlocal.md
        """;

    private CommandLine(string command, RunOptions? options, string? error)
    {
        Command = command;
        Options = options;
        Error = error;
    }

    /// <summary>"run", "sweep" or "help".</summary>
    public string Command { get; }

    public RunOptions? Options { get; }

    /// <summary>Set when the command line is invalid.</summary>
    public string? Error { get; }

    /// <summary>--stop-on-input-close: the end of standard input cancels the run, as a signal would.</summary>
    public bool StopOnInputClose { get; private init; }

    public static CommandLine Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "-?" or "help")
        {
            return new CommandLine("help", null, null);
        }

        string command = args[0];
        if (command == "sweep")
        {
            return args.Count == 1 ? new CommandLine("sweep", null, null) : Fail("sweep takes no options");
        }

        if (command != "run")
        {
            return Fail("unknown command '" + command + "'; use 'run' or 'sweep'");
        }

        string appDirectory = currentDirectory;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string[] withValue = { "--app-dir", "--input", "--params", "--files", "--output-dir", "--timeout", "--pull", "--shared-cache", "--user-cache", "--run-id", "--origin", "--caller" };
        string[] switches = { "--no-limits", "--no-input", "--quiet-app", "--stop-on-input-close" };
        for (int i = 1; i < args.Count; i++)
        {
            string arg = args[i];
            string name = arg;
            string? inlineValue = null;
            int equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg.Substring(0, equals);
                inlineValue = arg.Substring(equals + 1);
            }

            if (Array.IndexOf(switches, name) >= 0 && inlineValue is null)
            {
                flags.Add(name);
            }
            else if (Array.IndexOf(withValue, name) >= 0)
            {
                string? value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    return Fail(name + " needs a value");
                }

                values[name] = value;
            }
            else
            {
                return Fail("unknown option '" + arg + "'");
            }
        }

        if (values.TryGetValue("--app-dir", out string? dir))
        {
            appDirectory = dir;
        }

        var options = new RunOptions(Path.GetFullPath(appDirectory, currentDirectory))
        {
            NoLimits = flags.Contains("--no-limits"),
            StreamAppOutput = !flags.Contains("--quiet-app"),
        };

        if (flags.Contains("--no-input") && values.ContainsKey("--input"))
        {
            return Fail("--input and --no-input exclude each other");
        }

        options.InputFile = flags.Contains("--no-input") ? string.Empty : Resolve(values, "--input", currentDirectory);
        options.ParamsFile = Resolve(values, "--params", currentDirectory);
        options.FileList = Resolve(values, "--files", currentDirectory);
        if (options.FileList is not null && !File.Exists(options.FileList))
        {
            return Fail("--files: no such file '" + options.FileList + "'");
        }

        options.OutputDirectory = Resolve(values, "--output-dir", currentDirectory);
        options.SharedCacheDirectory = Resolve(values, "--shared-cache", currentDirectory);
        options.UserCacheDirectory = Resolve(values, "--user-cache", currentDirectory);
        options.Origin = Resolve(values, "--origin", currentDirectory);
        if (values.TryGetValue("--run-id", out string? runId))
        {
            if (runId.Length == 0 || runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || runId is "." or "..")
            {
                return Fail("--run-id must be usable as a folder name");
            }

            options.RunId = runId;
        }

        if (values.TryGetValue("--timeout", out string? timeout))
        {
            if (!int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) || seconds > RunOptions.MaxTimeoutSeconds)
            {
                return Fail("--timeout must be a whole number of seconds from 0 (none) to " + RunOptions.MaxTimeoutSeconds + " (30 days), not '" + timeout + "'");
            }

            options.TimeoutSeconds = seconds;
            options.TimeoutIsExplicit = true;
        }

        if (values.TryGetValue("--pull", out string? pull))
        {
            switch (pull.ToLowerInvariant())
            {
                case "missing": options.Pull = PullPolicy.Missing; break;
                case "always": options.Pull = PullPolicy.Always; break;
                case "never": options.Pull = PullPolicy.Never; break;
                default: return Fail("--pull must be missing, always or never, not '" + pull + "'");
            }
        }

        if (values.TryGetValue("--caller", out string? caller))
        {
            switch (caller.ToLowerInvariant())
            {
                case "cli": options.Caller = Caller.Cli; break;
                case "msbuild": options.Caller = Caller.MSBuild; break;
                default: return Fail("--caller must be cli or msbuild, not '" + caller + "'");
            }
        }

        return new CommandLine("run", options, null) { StopOnInputClose = flags.Contains("--stop-on-input-close") };
    }

    private static string? Resolve(Dictionary<string, string> values, string name, string currentDirectory) =>
        values.TryGetValue(name, out string? value) && value.Length > 0 ? Path.GetFullPath(value, currentDirectory) : null;

    private static CommandLine Fail(string error) => new("help", null, error);
}
