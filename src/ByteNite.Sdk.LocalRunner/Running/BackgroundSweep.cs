using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner.Docker;
using ByteNite.Sdk.Model.Diagnostics;
using Docker.DotNet;

namespace ByteNite.Sdk.LocalRunner.Running;

/// <summary>
/// The sweep for containers of killed runs, started as soon as Docker answers and left to run beside the run's own
/// first steps (image, create, copy in), which do not depend on it: that takes its request off the run's critical path
/// (docs/benchmarks.md). Reported once: before the app starts, or in place of a later Docker failure, since a daemon
/// that cannot list containers fails the first request, which is the one to report.
/// </summary>
internal sealed class BackgroundSweep
{
    private const string What = "list RunLocal containers (to remove leftovers of interrupted runs)";

    private readonly Task<(IReadOnlyList<string> Removed, int Unseen)> _sweeping;
    private bool? _succeeded;

    public BackgroundSweep(DockerClient client, CancellationToken cancellationToken)
    {
        _sweeping = Leftovers.SweepAsync(client, cancellationToken);
        // Observed here, so that a failure nobody awaits (a run stopped earlier) is not an unobserved task exception.
        _ = _sweeping.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>
    /// Waits for the sweep and reports it: the removed containers (BN4012), or its failure (BN4010) when
    /// <paramref name="reportFailure"/>. False when it failed. Reports only the first time.
    /// </summary>
    public async Task<bool> ReportAsync(Reporter reporter, string origin, bool reportFailure = true)
    {
        if (_succeeded is { } succeeded)
        {
            return succeeded;
        }

        try
        {
            (IReadOnlyList<string> removed, _) = await _sweeping.ConfigureAwait(false);
            if (removed.Count > 0)
            {
                reporter.Report(DiagnosticCatalog.LeftoverContainersRemoved, origin, removed.Count, string.Join(", ", removed));
            }

            _succeeded = true;
        }
        catch (Exception e) when (LocalRun.IsDockerFailure(e))
        {
            if (reportFailure)
            {
                reporter.Report(DiagnosticCatalog.DockerOperationFailed, origin, What, LocalRun.Message(e));
            }

            _succeeded = false;
        }

        return _succeeded.Value;
    }
}
