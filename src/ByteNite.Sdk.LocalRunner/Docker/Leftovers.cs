using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace ByteNite.Sdk.LocalRunner.Docker;

/// <summary>
/// The labels every RunLocal container carries, and the sweep that removes containers whose runner is gone. A runner
/// removes its container in every case it can see (success, failure, timeout, Ctrl+C, SIGTERM); a runner killed
/// outright (SIGKILL, a closed CI job) cannot, so the next run finds its container by these labels and removes it.
/// A container is swept only when its runner was on this machine, in this PID namespace, and that process no longer
/// exists, so parallel runs never remove each other's containers: a runner in a container that shares the machine's
/// name (host networking, a CI job in a container) has process ids of its own, which mean nothing here.
/// </summary>
public static class Leftovers
{
    public const string RunLabel = "com.bytenite.sdk.runlocal";
    public const string HostLabel = "com.bytenite.sdk.runlocal.host";
    public const string PidLabel = "com.bytenite.sdk.runlocal.pid";
    public const string StartedLabel = "com.bytenite.sdk.runlocal.pid-started";
    public const string AppLabel = "com.bytenite.sdk.runlocal.app";
    public const string ProcessNamespaceLabel = "com.bytenite.sdk.runlocal.pid-namespace";

    /// <summary>This process's PID namespace ("pid:[4026531836]" on Linux), or "none" where there are none.</summary>
    public static readonly string ProcessNamespace = ReadProcessNamespace();

    public static Dictionary<string, string> LabelsFor(string runId, string appDirectory)
    {
        using Process self = Process.GetCurrentProcess();
        return new Dictionary<string, string>
        {
            [RunLabel] = runId,
            [HostLabel] = Environment.MachineName,
            [PidLabel] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            [StartedLabel] = StartTicks(self),
            [AppLabel] = appDirectory,
            [ProcessNamespaceLabel] = ProcessNamespace,
        };
    }

    public static async Task<IReadOnlyList<ContainerListResponse>> ListAsync(DockerClient client, CancellationToken cancellationToken, string? runId = null)
    {
        var filter = new Dictionary<string, bool> { [runId is null ? RunLabel : RunLabel + "=" + runId] = true };
        return (await client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = filter } },
            cancellationToken).ConfigureAwait(false)).ToList();
    }

    /// <summary>
    /// Removes the containers of runners that no longer exist; returns "name (run id, app)" of each, and how many
    /// containers belong to runners this process cannot see (other machines, other PID namespaces).
    /// </summary>
    public static async Task<(IReadOnlyList<string> Removed, int Unseen)> SweepAsync(DockerClient client, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        int unseen = 0;
        foreach (ContainerListResponse container in await ListAsync(client, cancellationToken).ConfigureAwait(false))
        {
            IDictionary<string, string> labels = container.Labels ?? new Dictionary<string, string>();
            if (!labels.TryGetValue(HostLabel, out string? host) || host != Environment.MachineName
                || !labels.TryGetValue(ProcessNamespaceLabel, out string? processNamespace) || processNamespace != ProcessNamespace)
            {
                unseen++;
                continue;
            }

            if (RunnerIsAlive(labels))
            {
                continue;
            }

            try
            {
                await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
                // Removed meanwhile (by another run's sweep): the goal is reached.
            }
            catch (DockerApiException)
            {
                // Being removed by another run's sweep (409), or one Docker cannot remove (a "Dead" container): one
                // leftover must not stop every later run. The next sweep tries it again.
                continue;
            }

            string name = container.Names?.FirstOrDefault()?.TrimStart('/') ?? container.ID.Substring(0, 12);
            labels.TryGetValue(AppLabel, out string? app);
            removed.Add(name + " (" + container.State + (app is null ? string.Empty : ", app " + app) + ")");
        }

        return (removed, unseen);
    }

    private static bool RunnerIsAlive(IDictionary<string, string> labels)
    {
        if (!labels.TryGetValue(PidLabel, out string? pidText) || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using Process process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }

            // A process id can be reused: the runner is alive only if the process also started when the runner did.
            return !labels.TryGetValue(StartedLabel, out string? started) || SameStart(started, StartTicks(process));
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Windows: a process of another user (the id reused) cannot be inspected; leave its container alone.
            return true;
        }
    }

    private static string ReadProcessNamespace()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "none";
        }

        try
        {
            return new FileInfo("/proc/self/ns/pid").LinkTarget ?? "unknown";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static bool SameStart(string a, string b) =>
        !long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out long x)
        || !long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out long y)
        || Math.Abs(x - y) <= 2;

    private static string StartTicks(Process process)
    {
        try
        {
            // Seconds since 0001-01-01 UTC. Linux derives the start time from the boot time and clock ticks, so two reads may
            // differ slightly: SameStart allows for that.
            return (process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return "unknown";
        }
    }
}
