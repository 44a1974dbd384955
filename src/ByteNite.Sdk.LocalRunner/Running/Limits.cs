using System.Collections.Generic;
using System.Globalization;
using Docker.DotNet.Models;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.LocalRunner.Running;

/// <summary>
/// The container's limits: device_requirements.min_cpu vCPUs as a CPU quota (NanoCpus), min_memory GiB as the memory
/// limit (without swap), so that an app that would not fit the smallest machine the platform may pick fails here first;
/// and the timeout, counted from the container's start. Each remembers where it came from, for the messages.
/// </summary>
public sealed class Limits
{
    public long? NanoCpus { get; private set; }

    public double Cpus { get; private set; }

    public long? MemoryBytes { get; private set; }

    public long MemoryGiB { get; private set; }

    /// <summary>E.g. "device_requirements.min_memory in manifest.json, line 12".</summary>
    public string? MemorySource { get; private set; }

    public string? CpuSource { get; private set; }

    public int TimeoutSeconds { get; private set; }

    public string TimeoutSource { get; private set; } = string.Empty;

    /// <summary>True when the limits depend on the Docker host (GET /info): there are requirements and they apply.</summary>
    public static bool NeedsHostInfo(Manifest manifest, RunOptions options) =>
        !options.NoLimits && (manifest.MinCpu is not null || manifest.MinMemory is not null);

    /// <param name="info">The Docker host's GET /info, when <see cref="NeedsHostInfo"/>.</param>
    public static Limits Decide(SystemInfoResponse? info, Manifest manifest, RunOptions options, Reporter reporter, string origin)
    {
        var limits = new Limits
        {
            TimeoutSeconds = options.TimeoutSeconds,
            TimeoutSource = options.TimeoutIsExplicit ? "set by " + options.Hint("--timeout") : "the default; set " + options.Hint("--timeout") + " to change it",
        };

        if (options.NoLimits)
        {
            reporter.Info("  Limits:   none (" + options.Hint("--no-limits") + ")");
            return limits;
        }

        if (info is null || (manifest.MinCpu is null && manifest.MinMemory is null))
        {
            reporter.Info("  Limits:   none (manifest.json has no device_requirements.min_cpu or min_memory)");
            return limits;
        }

        var parts = new List<string>();
        if (manifest.MinCpu is { } cpuNode && cpuNode.TryGetInt64(out long cpus))
        {
            limits.CpuSource = Where(manifest, cpuNode, "min_cpu");
            long granted = cpus;
            if (info.NCPU > 0 && cpus > info.NCPU)
            {
                // Docker refuses a quota above the host's CPU count; give the app the whole host instead.
                granted = info.NCPU;
                reporter.ReportAt(DiagnosticCatalog.MachineBelowRequirements, manifest, cpuNode, origin, "device_requirements.min_cpu", cpus + " vCPUs", info.NCPU + " CPUs",
                    "RunLocal gives the app all " + info.NCPU + ", so it runs slower here than on the platform.");
            }

            limits.Cpus = granted;
            limits.NanoCpus = granted * 1_000_000_000L;
            parts.Add(granted + (granted == 1 ? " CPU" : " CPUs") + " (" + limits.CpuSource + ")");
        }

        if (manifest.MinMemory is { } memoryNode && memoryNode.TryGetInt64(out long gib))
        {
            limits.MemorySource = Where(manifest, memoryNode, "min_memory");
            if (!info.MemoryLimit)
            {
                reporter.ReportAt(DiagnosticCatalog.MachineBelowRequirements, manifest, memoryNode, origin, "device_requirements.min_memory", gib + " GiB", "no memory limit support (no memory cgroup)",
                    "the app runs without a memory limit here, so running out of memory is not detected.");
            }
            else
            {
                limits.MemoryGiB = gib;
                limits.MemoryBytes = gib * 1024L * 1024 * 1024;
                if (info.MemTotal > 0 && limits.MemoryBytes > info.MemTotal)
                {
                    reporter.ReportAt(DiagnosticCatalog.MachineBelowRequirements, manifest, memoryNode, origin, "device_requirements.min_memory", gib + " GiB",
                        (info.MemTotal / (1024.0 * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
                        "the app may run out of memory here before it reaches its limit (Docker Desktop: raise the memory in Settings, Resources).");
                }

                parts.Add(gib + " GiB memory without swap (" + limits.MemorySource + ")");
            }
        }

        reporter.Info("  Limits:   " + (parts.Count == 0 ? "none" : string.Join(", ", parts)) + "; " + options.Hint("--no-limits") + " turns them off");
        return limits;
    }

    private static string Where(Manifest manifest, JsonNode node, string key) =>
        "device_requirements." + key + " in manifest.json" + (manifest.File is null ? string.Empty : ", line " + manifest.File.GetLinePosition(node.Span.Start).Line.ToString(CultureInfo.InvariantCulture));
}
