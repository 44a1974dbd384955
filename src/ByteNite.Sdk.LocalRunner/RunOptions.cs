using System;
using System.Collections.Generic;

namespace ByteNite.Sdk.LocalRunner;

/// <summary>When the image is pulled from its registry.</summary>
public enum PullPolicy
{
    /// <summary>Only when the Docker host does not have the image (the default).</summary>
    Missing,

    /// <summary>Every run; fails when the registry cannot be reached.</summary>
    Always,

    /// <summary>Never; fails when the Docker host does not have the image.</summary>
    Never,
}

/// <summary>Who started the runner: decides how hints name a setting (a CLI switch or an MSBuild property).</summary>
public enum Caller
{
    Cli,
    MSBuild,
}

/// <summary>Everything one run needs; the command line maps onto it one to one (see <see cref="CommandLine"/>).</summary>
public sealed class RunOptions
{
    public const int DefaultTimeoutSeconds = 1800;

    /// <summary>30 days; a timer cannot count beyond 49 days.</summary>
    public const int MaxTimeoutSeconds = 30 * 24 * 3600;

    public RunOptions(string appDirectory)
    {
        AppDirectory = appDirectory;
    }

    /// <summary>The folder with manifest.json and app/.</summary>
    public string AppDirectory { get; }

    /// <summary>The sample input, copied to TASK_DIR/data.bin. Null: sample/data.bin if it exists, else no input.</summary>
    public string? InputFile { get; set; }

    /// <summary>The app parameters (JSON), passed as APP_PARAMS. Null: sample/params.json if it exists, else {}.</summary>
    public string? ParamsFile { get; set; }

    /// <summary>
    /// The bundle's files as the build chose them (the JSON record SelectByteNiteBundleFiles writes): those under app/ are the
    /// app's files in the container. Null: every file of app/ but __pycache__/.
    /// </summary>
    public string? FileList { get; set; }

    /// <summary>Runs are written to OutputDirectory/&lt;run-id&gt;/. Null: AppDirectory/bin/runlocal.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Seconds from the container's start; 0 for none.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>True when the timeout was set explicitly (for messages that say where it came from).</summary>
    public bool TimeoutIsExplicit { get; set; }

    public PullPolicy Pull { get; set; } = PullPolicy.Missing;

    /// <summary>Run without the CPU and memory limits of device_requirements.</summary>
    public bool NoLimits { get; set; }

    /// <summary>A host folder mounted read-only as SHARED_CACHE_DIR. Null: an empty read-only folder.</summary>
    public string? SharedCacheDirectory { get; set; }

    /// <summary>A host folder mounted read-write as USER_CACHE_DIR. Null: a Docker volume kept per user.</summary>
    public string? UserCacheDirectory { get; set; }

    /// <summary>The file that diagnostics without a file of their own are reported at (e.g. the project file).</summary>
    public string? Origin { get; set; }

    public Caller Caller { get; set; } = Caller.Cli;

    /// <summary>The run id; null makes one from the time (yyyyMMdd-HHmmss-xxxx), which sorts by start.</summary>
    public string? RunId { get; set; }

    /// <summary>Environment variables (DOCKER_HOST, secrets, HOME, ...); null reads the process environment.</summary>
    public Func<string, string?>? Environment { get; set; }

    /// <summary>Print the app's output live (it is always written to container.log).</summary>
    public bool StreamAppOutput { get; set; } = true;

    internal string? GetEnvironmentVariable(string name) =>
        Environment is null ? System.Environment.GetEnvironmentVariable(name) : Environment(name);

    /// <summary>How a user changes a setting, in the words of the caller.</summary>
    internal string Hint(string cliSwitch) =>
        Caller == Caller.MSBuild && Properties.TryGetValue(cliSwitch, out string? property) ? "the " + property + " property" : cliSwitch;

    /// <summary>The MSBuild properties that the RunLocal target maps onto the switches (docs/runlocal.md).</summary>
    internal static IReadOnlyDictionary<string, string> Properties { get; } = new Dictionary<string, string>
    {
        ["--input"] = "ByteNiteSampleInput",
        ["--params"] = "ByteNiteSampleParams",
        ["--timeout"] = "ByteNiteRunLocalTimeout",
        ["--pull"] = "ByteNiteRunLocalPull",
        ["--no-limits"] = "ByteNiteRunLocalNoLimits",
        ["--output-dir"] = "ByteNiteRunLocalOutputDir",
        ["--shared-cache"] = "ByteNiteSharedCacheDir",
        ["--user-cache"] = "ByteNiteUserCacheDir",
    };
}
