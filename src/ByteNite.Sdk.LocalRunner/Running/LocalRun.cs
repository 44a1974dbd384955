using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using ByteNite.Sdk.LocalRunner.Docker;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Hosting;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.LocalRunner.Running;

/// <summary>What a run did; <see cref="ExitCode"/> is the runner's own exit code.</summary>
public sealed class RunResult
{
    public int ExitCode { get; internal set; } = 1;

    public string RunId { get; internal set; } = string.Empty;

    public long? AppExitCode { get; internal set; }

    public bool TimedOut { get; internal set; }

    public bool OutOfMemory { get; internal set; }

    public bool Cancelled { get; internal set; }

    public string? ContainerName { get; internal set; }

    public string? RunDirectory { get; internal set; }

    public string? ResultsDirectory { get; internal set; }

    public string? LogFile { get; internal set; }

    public IReadOnlyList<(string Path, long Size)> ResultFiles { get; internal set; } = Array.Empty<(string, long)>();

    /// <summary>How long the app ran, from the container's start to its exit, as Docker measured it.</summary>
    public TimeSpan? AppDuration { get; internal set; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; internal set; } = Array.Empty<Diagnostic>();

    /// <summary>What the run was doing, for a Docker error that has no better place ("list RunLocal containers").</summary>
    internal string Step { get; set; } = "run the app";
}

/// <summary>
/// One RunLocal run, the platform's app contract reproduced in a local container (docs/runlocal.md):
/// check the inputs, connect, sweep leftovers, make the image present, create a labelled container with the task
/// environment and limits, copy the app and the input in, start it, stream its log, wait with the timeout, copy the
/// results out, report, and remove the container whatever happened.
/// </summary>
public static class LocalRun
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);
    private static readonly Regex TracebackFrame = new("File \"" + Regex.Escape(ContainerFiles.AppDirectory) + "/(?<path>[^\"]+)\", line (?<line>[0-9]+)", RegexOptions.CultureInvariant);

    public static async Task<RunResult> RunAsync(RunOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(output);
        var result = new RunResult { RunId = options.RunId ?? NewRunId() };
        try
        {
            await RunCoreAsync(options, reporter, result, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDockerFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            reporter.Report(DiagnosticCatalog.DockerOperationFailed, AppInputs.Origin(options), result.Step, Message(e));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result.Cancelled = true;
            reporter.Info("RunLocal cancelled" + (result.ContainerName is null ? "." : "; container " + result.ContainerName + " removed."));
        }

        result.Diagnostics = reporter.Diagnostics;
        result.ExitCode = result.Cancelled ? 130 : reporter.HasErrors || result.AppExitCode is not 0 ? 1 : 0;
        return result;
    }

    /// <summary>The sweep command: removes the containers of runners that no longer exist.</summary>
    public static async Task<int> SweepAsync(Func<string, string?>? environment, TextWriter output, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(output);
        using DockerConnection? docker = await DockerConnector.ConnectAsync(environment ?? Environment.GetEnvironmentVariable, reporter, "RunLocal", cancellationToken).ConfigureAwait(false);
        if (docker is null)
        {
            return 1;
        }

        (IReadOnlyList<string> removed, int unseen) = await Leftovers.SweepAsync(docker.Client, cancellationToken).ConfigureAwait(false);
        reporter.Info(removed.Count == 0 ? "No leftover RunLocal containers." : "Removed " + removed.Count + " leftover container(s): " + string.Join(", ", removed) + ".");
        if (unseen > 0)
        {
            reporter.Info(unseen + " RunLocal container(s) belong to runs on other machines or in other containers and were left alone.");
        }

        return 0;
    }

    private static async Task RunCoreAsync(RunOptions options, Reporter reporter, RunResult result, CancellationToken cancellationToken)
    {
        string origin = AppInputs.Origin(options);
        Trace.Step("start");

        // Docker is reached while the inputs are checked (its first request costs more CPU than the checks, and the two
        // overlap on a second core); what it reports waits until the inputs are known to be good, so the order stays.
        var dockerReporter = new Reporter(TextWriter.Null);
        Task<Preparation> preparing = Task.Run(() => PrepareAsync(options, dockerReporter, origin, cancellationToken), cancellationToken);
        AppInputs? inputs = AppInputs.Check(options, reporter);
        Trace.Step("inputs checked");
        Preparation prepared;
        try
        {
            prepared = await preparing.ConfigureAwait(false);
        }
        catch (Exception) when (inputs is null && !cancellationToken.IsCancellationRequested)
        {
            return;
        }

        using DockerConnection? docker = prepared.Connection;
        if (inputs is null)
        {
            // The inputs' errors are what matters; a Docker problem would only add noise to them.
            if (prepared.Sweep is { } sweep)
            {
                await sweep.ReportAsync(reporter, origin, reportFailure: false).ConfigureAwait(false);
            }

            return;
        }

        Manifest manifest = inputs.Manifest;
        reporter.Info("RunLocal: " + (manifest.Name ?? "app") + " " + manifest.Version?.Text + " (" + manifest.Dialect.ToString().ToLowerInvariant() + " dialect), run " + result.RunId);
        foreach (Diagnostic diagnostic in dockerReporter.Diagnostics)
        {
            reporter.Report(diagnostic);
        }

        if (docker is null)
        {
            return;
        }

        Trace.Step("connected");
        reporter.Info("  Docker:   " + docker.Describe());
        try
        {
            await RunConnectedAsync(options, reporter, result, inputs, docker.Client, prepared, origin, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDockerFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            // A daemon that failed the sweep's request fails the next one too: the sweep's failure came first.
            if (await prepared.Sweep!.ReportAsync(reporter, origin).ConfigureAwait(false))
            {
                throw;
            }

            return;
        }

        // However the run ended, the process must not end in the middle of a removal, and what was removed is reported.
        await prepared.Sweep!.ReportAsync(reporter, origin).ConfigureAwait(false);
    }

    private static async Task RunConnectedAsync(RunOptions options, Reporter reporter, RunResult result, AppInputs inputs, DockerClient client, Preparation prepared, string origin, CancellationToken cancellationToken)
    {
        Manifest manifest = inputs.Manifest;
        ImageName? image = ImageName.Parse(inputs.Container, out string? imageProblem);
        if (image is null)
        {
            reporter.ReportAt(DiagnosticCatalog.ImageUnavailable, manifest, manifest.ContainerNode, origin, inputs.Container, imageProblem!, "Correct 'platform_config.container'.");
            return;
        }

        result.Step = "look up or pull the image " + image.FullName;
        var imageFailure = await ImageProvider.EnsureAsync(client, image, manifest, reporter, options, cancellationToken).ConfigureAwait(false);
        if (imageFailure is { } failure)
        {
            reporter.ReportAt(DiagnosticCatalog.ImageUnavailable, manifest, manifest.ContainerNode, origin, image.FullName, failure.Problem, failure.Fix);
            return;
        }

        Trace.Step("image present");
        result.Step = "read the Docker host's CPU and memory (GET /info)";
        Limits limits = Limits.Decide(Limits.NeedsHostInfo(manifest, options) ? await prepared.HostInfo!.ConfigureAwait(false) : null, manifest, options, reporter, origin);

        string outputRoot = options.OutputDirectory ?? Path.Combine(options.AppDirectory, "bin", "runlocal");
        string runDirectory = Path.Combine(outputRoot, result.RunId);
        string resultsDirectory = Path.Combine(runDirectory, "results");
        string logFile = Path.Combine(runDirectory, "container.log");
        Directory.CreateDirectory(runDirectory);
        result.RunDirectory = runDirectory;
        result.LogFile = logFile;

        reporter.Info("  Input:    " + (inputs.InputFile is null ? "none (TASK_DIR has no data.bin)" : Relative(options, inputs.InputFile) + " (" + ByteSize.Format(new FileInfo(inputs.InputFile).Length) + ") as TASK_DIR/data.bin"));
        reporter.Info("  Params:   " + (inputs.ParamsFile is null ? "{} (no sample/params.json)" : Relative(options, inputs.ParamsFile)) + " as APP_PARAMS");
        if (inputs.SecretVariables.Count > 0)
        {
            reporter.Info("  Secrets:  " + string.Join(", ", inputs.SecretVariables.Keys) + " (from your environment; values not shown)");
        }

        string containerName = "bytenite-runlocal-" + Regex.Replace(result.RunId, "[^a-zA-Z0-9_.-]", "-");
        string? containerId = null;
        try
        {
            CreateContainerParameters parameters = ContainerParameters(options, inputs, image, limits, containerName, result.RunId);
            try
            {
                containerId = (await client.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
            }
            catch (DockerApiException e)
            {
                reporter.Report(DiagnosticCatalog.DockerOperationFailed, origin, "create the container from " + image.FullName, Message(e));
                return;
            }

            result.ContainerName = containerName;
            Trace.Step("created");
            result.Step = "copy the app and its input into the container";
            await CopyInAsync(client, containerId, options, inputs, cancellationToken).ConfigureAwait(false);
            result.Step = "run the container";
            Trace.Step("copied in");

            if (!await prepared.Sweep!.ReportAsync(reporter, origin).ConfigureAwait(false))
            {
                return;
            }

            Trace.Step("swept");
            reporter.Info("  Run:      python -u app/" + inputs.Entrypoint + " in " + containerName + (limits.TimeoutSeconds > 0 ? ", timeout " + limits.TimeoutSeconds + " s (" + limits.TimeoutSource + ")" : ", no timeout"));
            Task<(List<(string Path, long Size)> Files, List<string> Skipped)>? copyOut =
                await ExecuteAsync(client, containerId, options, inputs, limits, image, result, resultsDirectory, reporter, origin, cancellationToken).ConfigureAwait(false);
            if (copyOut is null)
            {
                return;
            }

            Trace.Step("exited");
            result.Step = "copy the results out of the container";
            (List<(string Path, long Size)> files, List<string> skipped) = await copyOut.ConfigureAwait(false);
            result.ResultFiles = files;
            result.ResultsDirectory = resultsDirectory;
            Trace.Step("copied out");
            Summarize(options, inputs, result, files, skipped, reporter);
            RunSummary.Write(Path.Combine(runDirectory, "summary.json"), manifest, image, limits, result);
        }
        finally
        {
            await RemoveAsync(client, containerId, result.RunId).ConfigureAwait(false);
            Trace.Step("removed");
        }
    }

    /// <summary>Connects, starts the sweep for leftovers and asks for the host's CPUs and memory; reports into its own reporter.</summary>
    private static async Task<Preparation> PrepareAsync(RunOptions options, Reporter reporter, string origin, CancellationToken cancellationToken)
    {
        DockerConnection? connection = await DockerConnector.ConnectAsync(options.GetEnvironmentVariable, reporter, origin, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return new Preparation(null, null, null);
        }

        // The host's CPUs and memory matter only for the limits (Limits.NeedsHostInfo), which --no-limits turns off.
        Task<SystemInfoResponse>? hostInfo = options.NoLimits ? null : connection.Client.System.GetSystemInfoAsync(cancellationToken);
        _ = hostInfo?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return new Preparation(connection, new BackgroundSweep(connection.Client, cancellationToken), hostInfo);
    }

    private sealed record Preparation(DockerConnection? Connection, BackgroundSweep? Sweep, Task<SystemInfoResponse>? HostInfo);

    private static CreateContainerParameters ContainerParameters(RunOptions options, AppInputs inputs, ImageName image, Limits limits, string name, string runId)
    {
        var environment = new List<string>
        {
            "TASK_DIR=" + ContainerFiles.TaskDirectory,
            "TASK_RESULTS_DIR=" + ContainerFiles.ResultsDirectory,
            "APP_PARAMS=" + inputs.AppParams,
            "USER_CACHE_DIR=" + ContainerFiles.UserCacheDirectory,
            "SHARED_CACHE_DIR=" + ContainerFiles.SharedCacheDirectory,
        };
        environment.AddRange(inputs.SecretVariables.Select(s => s.Key + "=" + s.Value));

        var mounts = new List<Mount>
        {
            options.UserCacheDirectory is { } userCache
                ? new Mount { Type = "bind", Source = userCache, Target = ContainerFiles.UserCacheDirectory }
                : new Mount { Type = "volume", Source = UserCacheVolume(), Target = ContainerFiles.UserCacheDirectory },
            options.SharedCacheDirectory is { } sharedCache
                ? new Mount { Type = "bind", Source = sharedCache, Target = ContainerFiles.SharedCacheDirectory, ReadOnly = true }
                : new Mount { Type = "volume", Source = "bytenite-shared-cache", Target = ContainerFiles.SharedCacheDirectory, ReadOnly = true },
        };

        var host = new HostConfig { Mounts = mounts };
        if (limits.NanoCpus is { } nanoCpus)
        {
            host.NanoCPUs = nanoCpus;
        }

        if (limits.MemoryBytes is { } memory)
        {
            // Memory and swap together: the platform's machines do not swap, so over the limit means killed, not slow.
            host.Memory = memory;
            host.MemorySwap = memory;
        }

        return new CreateContainerParameters
        {
            Name = name,
            Image = image.FullName,
            // The image's entrypoint and command are replaced, as on the platform; -u: unbuffered, so the log is live.
            Entrypoint = new List<string> { "python", "-u", "app/" + inputs.Entrypoint },
            Cmd = new List<string>(),
            WorkingDir = ContainerFiles.Root,
            Env = environment,
            Labels = Leftovers.LabelsFor(runId, options.AppDirectory),
            HostConfig = host,
        };
    }

    private static string UserCacheVolume()
    {
        string user = Regex.Replace(Environment.UserName.ToLowerInvariant(), "[^a-z0-9_.-]", "-");
        return "bytenite-user-cache-" + (user.Length == 0 ? "user" : user);
    }

    /// <summary>PUT /containers/{id}/archive, the tar written on the fly through a pipe (no temporary copy of a large input).</summary>
    private static async Task CopyInAsync(DockerClient client, string containerId, RunOptions options, AppInputs inputs, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        Task writer = Task.Run(
            async () =>
            {
                Stream stream = pipe.Writer.AsStream();
                try
                {
                    ContainerFiles.WriteInputArchive(stream, Path.Combine(options.AppDirectory, "app"), options.FileList, inputs.InputFile, userCacheFolder: options.UserCacheDirectory is null);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    await pipe.Writer.CompleteAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    await pipe.Writer.CompleteAsync(e).ConfigureAwait(false);
                    throw;
                }
            },
            cancellationToken);
        await using Stream reader = pipe.Reader.AsStream();
        await client.Containers.ExtractArchiveToContainerAsync(containerId, new CopyToContainerParameters { Path = "/" }, reader, cancellationToken).ConfigureAwait(false);
        await writer.ConfigureAwait(false);
    }

    /// <summary>Starts the app and waits for it; returns the copy of its results, started as soon as it exits, or null when it could not start.</summary>
    private static async Task<Task<(List<(string Path, long Size)> Files, List<string> Skipped)>?> ExecuteAsync(
        DockerClient client, string containerId, RunOptions options, AppInputs inputs, Limits limits, ImageName image, RunResult result, string resultsDirectory, Reporter reporter, string origin, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            string message = Message(e);
            if (message.Contains("executable file not found", StringComparison.OrdinalIgnoreCase) || message.Contains("\"python\"", StringComparison.Ordinal) && message.Contains("no such file", StringComparison.OrdinalIgnoreCase))
            {
                reporter.ReportAt(DiagnosticCatalog.NoPythonInImage, inputs.Manifest, inputs.Manifest.ContainerNode, origin, image.FullName, inputs.Entrypoint);
            }
            else
            {
                reporter.Report(DiagnosticCatalog.DockerOperationFailed, origin, "start the container", message);
            }

            return null;
        }

        Trace.Step("started");
        var log = new AppLog(result.LogFile!, options.StreamAppOutput ? reporter : null, inputs.SecretVariables.Values);
        using var following = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task logging = log.FollowAsync(client, containerId, following.Token);

        // Whatever ends the wait early (cancellation, a broken connection), the log stream stops and the log file is closed.
        Task<(List<(string Path, long Size)> Files, List<string> Skipped)> copyOut;
        bool childKilledForMemory;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (limits.TimeoutSeconds > 0)
            {
                timeout.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds));
            }

            try
            {
                await client.Containers.WaitContainerAsync(containerId, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result.TimedOut = true;
                await KillAsync(client, containerId).ConfigureAwait(false);
                await client.Containers.WaitContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            }

            Trace.Step("wait returned");
            copyOut = CopyOutAsync(client, containerId, resultsDirectory, cancellationToken);
            ContainerInspectResponse state = await client.Containers.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            State exit = state.State ?? new State();
            result.AppExitCode = exit.ExitCode;
            // Docker's flag says that the kernel killed some process of the container for memory (on cgroup v1, any one):
            // the app failed of it only when it did not exit 0 (a child process it started may have been the one).
            result.OutOfMemory = exit.OOMKilled && exit.ExitCode != 0;
            childKilledForMemory = exit.OOMKilled && exit.ExitCode == 0;
            result.AppDuration = Duration(exit.StartedAt, exit.FinishedAt);

            // The following stream ends some time after the container (tens of milliseconds); rather than wait for it, stop
            // it and read the whole log once more, keeping the lines it had not delivered yet (CatchUpAsync).
            await Task.WhenAny(logging, Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken)).ConfigureAwait(false);
            Trace.Step("log followed");
            following.Cancel();
            await logging.ConfigureAwait(false);
            await log.CatchUpAsync(client, containerId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            following.Cancel();
            log.Close();
        }

        string took = result.AppDuration is { } d ? ImageProvider.Seconds(d) : "?";
        reporter.Info("  Exit:     code " + result.AppExitCode + " after " + took + (result.OutOfMemory ? " (killed: out of memory)" : result.TimedOut ? " (killed: timeout)" : string.Empty));
        if (childKilledForMemory)
        {
            reporter.Info("  Memory:   a process the app started was killed for using more than the memory limit ("
                + limits.MemoryGiB.ToString(CultureInfo.InvariantCulture) + " GiB, " + limits.MemorySource + "); the app itself exited 0.");
        }
        if (result.AppExitCode != 0 && !options.StreamAppOutput && log.Tail.Count > 0)
        {
            // Not echoed live: show the end of the log, which the error below refers to.
            reporter.Info("  Last lines of the app's log:");
            foreach (string line in log.Tail)
            {
                reporter.AppOutput(line);
            }
        }

        if (result.TimedOut)
        {
            string source = limits.TimeoutSource;
            reporter.Report(DiagnosticCatalog.AppTimedOut, origin, limits.TimeoutSeconds + " s", source, options.Hint("--timeout"));
        }
        else if (result.OutOfMemory)
        {
            string from = limits.MemorySource ?? "the memory limit";
            reporter.ReportAt(DiagnosticCatalog.AppOutOfMemory, inputs.Manifest, inputs.Manifest.MinMemory, origin,
                limits.MemoryGiB.ToString(CultureInfo.InvariantCulture), from, took, "use " + options.Hint("--no-limits"));
        }
        else if (result.AppExitCode != 0)
        {
            string lastLine = log.LastErrorLine;
            string detail = lastLine.Length == 0 ? string.Empty : ": " + lastLine;
            if (result.AppExitCode == 137)
            {
                detail += " (137 = killed by SIGKILL" + (limits.MemoryBytes is null ? string.Empty : "; without an out-of-memory report from Docker") + ")";
            }

            object[] args = { result.AppExitCode!, took, detail, result.LogFile! };
            Match frame = log.LastTracebackFrame(TracebackFrame);
            string? file = frame.Success ? Path.Combine(options.AppDirectory, "app", frame.Groups["path"].Value.Replace('/', Path.DirectorySeparatorChar)) : null;
            if (file is not null && File.Exists(file))
            {
                AppInputs.ReportAtLine(reporter, DiagnosticCatalog.AppFailed, file, int.Parse(frame.Groups["line"].Value, CultureInfo.InvariantCulture), args);
            }
            else
            {
                reporter.Report(DiagnosticCatalog.AppFailed, Path.Combine(options.AppDirectory, "app", inputs.Entrypoint.Replace('/', Path.DirectorySeparatorChar)), args);
            }
        }

        return copyOut;
    }

    /// <summary>GET /containers/{id}/archive?path=TASK_RESULTS_DIR, extracted under the run folder.</summary>
    private static async Task<(List<(string Path, long Size)> Files, List<string> Skipped)> CopyOutAsync(DockerClient client, string containerId, string resultsDirectory, CancellationToken cancellationToken)
    {
        try
        {
            ContainerArchiveResponse archive = await client.Containers.GetArchiveFromContainerAsync(
                containerId, new ContainerPathStatParameters { Path = ContainerFiles.ResultsDirectory }, statOnly: false, cancellationToken).ConfigureAwait(false);
            // Spooled to a temporary file first: the transport's chunked stream fails (EndOfStreamException) when the
            // tar reader asks for the exact byte counts of small entries, but reads cleanly to the end in large blocks.
            Directory.CreateDirectory(Path.GetDirectoryName(resultsDirectory)!);
            await using var spool = new FileStream(
                Path.Combine(Path.GetDirectoryName(resultsDirectory)!, ".results.tar"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using (Stream stream = archive.Stream ?? Stream.Null)
            {
                byte[] buffer = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            spool.Position = 0;
            return await ContainerFiles.ExtractResultsAsync(spool, resultsDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Not found: the folder (the app removed it), or the whole container (another program removed it meanwhile).
            Directory.CreateDirectory(resultsDirectory);
            string why = Message(e).Contains("No such container", StringComparison.OrdinalIgnoreCase)
                ? "the results (the container was removed by another program before they were copied)"
                : "the results folder (the app removed it)";
            return (new List<(string, long)>(), new List<string> { why });
        }
    }

    private static void Summarize(RunOptions options, AppInputs inputs, RunResult result, List<(string Path, long Size)> files, List<string> skipped, Reporter reporter)
    {
        reporter.Info("  Results:  " + result.ResultsDirectory + (files.Count == 0 ? " (empty)" : string.Empty));
        int width = files.Count == 0 ? 0 : files.Max(f => f.Path.Length);
        foreach ((string path, long size) in files)
        {
            reporter.Info("            " + path.PadRight(width) + "  " + ByteSize.Format(size));
        }

        foreach (string item in skipped)
        {
            reporter.Info("            skipped: " + item);
        }

        reporter.Info("  Log:      " + result.LogFile);
        if (result.AppExitCode == 0 && files.Count == 0)
        {
            string hint = inputs.Manifest.Dialect == ManifestDialect.Seed
                ? "Seed-dialect apps write to os.path.join(basepath, 'result') (basepath is TASK_DIR)."
                : "Write outputs to the folder named by the TASK_RESULTS_DIR environment variable.";
            reporter.Report(DiagnosticCatalog.NoResults, Path.Combine(options.AppDirectory, "app", inputs.Entrypoint.Replace('/', Path.DirectorySeparatorChar)), ContainerFiles.ResultsDirectory, hint);
        }

        string verdict = result.TimedOut ? "timed out" : result.OutOfMemory ? "out of memory" : result.AppExitCode == 0 ? "succeeded" : "failed";
        reporter.Info("RunLocal " + verdict + ": exit code " + result.AppExitCode + ", " + (result.AppDuration is { } d ? ImageProvider.Seconds(d) : "?")
            + " in the container, " + files.Count + " result file(s), " + ByteSize.Format(files.Sum(f => f.Size)) + " → " + result.RunDirectory);
    }

    private static async Task KillAsync(DockerClient client, string containerId)
    {
        try
        {
            await client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = "KILL" }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // Already stopped: nothing to kill.
        }
    }

    /// <summary>Removes the run's container; also any container of this run whose id the runner never learnt (cancelled during create).</summary>
    private static async Task RemoveAsync(DockerClient client, string? containerId, string runId)
    {
        using var cleanup = new CancellationTokenSource(CleanupTimeout);
        var ids = new List<string>();
        if (containerId is not null)
        {
            ids.Add(containerId);
        }

        try
        {
            // Without an id the run may have been cancelled while Docker was creating the container: find it by its label.
            if (containerId is null)
            {
                ids.AddRange((await Leftovers.ListAsync(client, cleanup.Token, runId).ConfigureAwait(false)).Select(c => c.ID));
            }
        }
        catch (Exception e) when (e is DockerApiException or System.Net.Http.HttpRequestException or OperationCanceledException or IOException)
        {
            // Best effort; the container id known above is still removed.
        }

        foreach (string id in ids)
        {
            try
            {
                await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cleanup.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DockerApiException or OperationCanceledException or IOException or System.Net.Http.HttpRequestException)
            {
                // The next run's sweep removes it (its runner, this process, will be gone by then).
            }
        }
    }

    /// <summary>From Docker's RFC 3339 times, which have up to 9 fractional digits (.NET parses 7).</summary>
    private static TimeSpan? Duration(string? started, string? finished) =>
        DateTimeOffset.TryParse(Ticks(started), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset start)
        && DateTimeOffset.TryParse(Ticks(finished), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset end)
        && end >= start
            ? end - start
            : null;

    private static string Ticks(string? time) =>
        time is null ? string.Empty : Regex.Replace(time, @"(\.[0-9]{7})[0-9]+", "$1");

    /// <summary>
    /// A request Docker refused, or a connection to it that broke (the daemon restarted, the socket went away): reported
    /// as the step that failed (BN4010), not as a bug.
    /// </summary>
    internal static bool IsDockerFailure(Exception e) => e is DockerApiException or System.Net.Http.HttpRequestException;

    /// <summary>What the daemon said: the "message" of its JSON error body, else the body or the exception's message.</summary>
    internal static string Message(Exception e) =>
        e is DockerApiException { ResponseBody: { } body } && !string.IsNullOrWhiteSpace(body) ? MessageOf(body) : e.Message;

    /// <summary>The "message" of a daemon's JSON error body ({"message": "..."}), else the text itself.</summary>
    internal static string MessageOf(string body)
    {
        string text = body.Trim();
        if (text.StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(text);
                if (document.RootElement.TryGetProperty("message", out var message) && message.GetString() is { } inner)
                {
                    return inner;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON after all: the text is the message.
            }
        }

        return text;
    }

    private static string Relative(RunOptions options, string path)
    {
        string relative = Path.GetRelativePath(options.AppDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    private static string NewRunId() =>
        DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2)).ToLowerInvariant();
}
