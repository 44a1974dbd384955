using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner.Docker;
using ByteNite.Sdk.LocalRunner.Running;
using Docker.DotNet.Models;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>
/// These tests kill runners and look for the containers they leave, so nothing else may run (and sweep) meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CleanupCollection
{
    public const string Name = "Cleanup (runs alone)";
}

/// <summary>Containers are removed in every case: cancellation, Ctrl+C/SIGTERM, and a killed runner's leftovers at the next run.</summary>
[Collection(CleanupCollection.Name)]
public class CleanupTests
{
    private const string Sleeper = "import time\nprint('started', flush=True)\ntime.sleep(600)\n";

    [DockerFact]
    public async Task Cancelling_mid_run_removes_the_container()
    {
        using TestApp app = TestApp.Current(Sleeper);
        var options = app.Options();
        using var cancellation = new CancellationTokenSource();

        Task<(RunResult Result, string Output)> run = Runner.RunAsync(options, cancellation.Token);
        ContainerListResponse container = await DockerRequirement.WaitForRunningContainerAsync(options.RunId!);
        cancellation.Cancel();
        (RunResult result, string output) = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Cancelled, output);
        Assert.Equal(130, result.ExitCode);
        Assert.Contains("RunLocal cancelled; container bytenite-runlocal-" + options.RunId + " removed.", output);
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(options.RunId!));
        await Assert.ThrowsAsync<global::Docker.DotNet.DockerContainerNotFoundException>(() => DockerRequirement.Client.Containers.InspectContainerAsync(container.ID));
    }

    [DockerTheory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_to_the_runner_process_removes_the_container_and_exits_130(string signal)
    {
        using TestApp app = TestApp.Current(Sleeper);
        string runId = TestApp.NewRunId();
        using Runner.RunningProcess runner = Runner.Start("run", "--app-dir", app.Path, "--output-dir", app.OutputDirectory, "--run-id", runId, "--timeout", "300");

        await DockerRequirement.WaitForRunningContainerAsync(runId);
        runner.Signal(signal);
        int exitCode = await runner.WaitAsync();

        Assert.True(exitCode == 130, runner.Output);
        Assert.Contains("SIG" + signal + " received", runner.Output);
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(runId));
    }

    [DockerFact]
    public async Task With_stop_on_input_close_the_end_of_its_input_removes_the_container_and_exits_130()
    {
        using TestApp app = TestApp.Current(Sleeper);
        string runId = TestApp.NewRunId();
        using Runner.RunningProcess runner = Runner.Start("run", "--app-dir", app.Path, "--output-dir", app.OutputDirectory, "--run-id", runId, "--timeout", "300", "--stop-on-input-close");

        await DockerRequirement.WaitForRunningContainerAsync(runId);
        runner.CloseInput();
        int exitCode = await runner.WaitAsync();

        Assert.True(exitCode == 130, runner.Output);
        Assert.Contains("the build was cancelled", runner.Output);
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(runId));
    }

    [DockerFact]
    public async Task Without_stop_on_input_close_the_end_of_its_input_changes_nothing()
    {
        // Long enough that the input is closed while the app still runs, whenever the container is seen running.
        using TestApp app = TestApp.Current("import time\ntime.sleep(5)\nprint('finished')\n");
        string runId = TestApp.NewRunId();
        using Runner.RunningProcess runner = Runner.Start("run", "--app-dir", app.Path, "--output-dir", app.OutputDirectory, "--run-id", runId);

        await DockerRequirement.WaitForRunningContainerAsync(runId);
        runner.CloseInput();
        int exitCode = await runner.WaitAsync();

        Assert.True(exitCode == 0, runner.Output);
        Assert.Contains("finished", runner.Output);
    }

    [DockerFact]
    public async Task A_killed_runners_container_is_swept_and_reported_by_the_next_run()
    {
        using TestApp app = TestApp.Current(Sleeper);
        string killedRun = TestApp.NewRunId();
        using (Runner.RunningProcess runner = Runner.Start("run", "--app-dir", app.Path, "--output-dir", app.OutputDirectory, "--run-id", killedRun))
        {
            await DockerRequirement.WaitForRunningContainerAsync(killedRun);
            runner.Signal("KILL");
            await runner.WaitAsync();
        }

        // SIGKILL gives the runner no chance to clean up: its container is still there.
        Assert.Single(await DockerRequirement.ContainersOfRunAsync(killedRun));

        using TestApp next = TestApp.Current("print('second run')\n");
        (RunResult result, string output) = await Runner.RunAsync(next.Options());

        var warning = result.Single("BN4012");
        Assert.Contains("bytenite-runlocal-" + killedRun + " (running, app " + app.Path + ")", warning.Message);
        Assert.Contains("warning BN4012", output);
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(killedRun));
        Assert.Equal(0, result.AppExitCode);
    }

    [DockerFact]
    public async Task The_sweep_removes_only_what_a_runner_of_this_PID_namespace_left()
    {
        // Two containers labelled as a killed runner's: one by a runner in another PID namespace on a machine of the same
        // name (a runner in a container with host networking), whose process id means nothing here; one by a runner
        // of this namespace whose process is gone.
        string otherNamespace = await CreateLabelledContainerAsync("pid:[1]");
        string thisNamespace = await CreateLabelledContainerAsync(Leftovers.ProcessNamespace);
        try
        {
            var output = new StringWriter();
            int exitCode = await LocalRun.SweepAsync(null, output, CancellationToken.None);

            Assert.Equal(0, exitCode);
            Assert.Contains("bytenite-runlocal-" + thisNamespace + " (created, app /nowhere/app)", output.ToString());
            Assert.DoesNotContain("bytenite-runlocal-" + otherNamespace, output.ToString());
            Assert.Contains("belong to runs on other machines or in other containers and were left alone", output.ToString());
            Assert.Single(await DockerRequirement.ContainersOfRunAsync(otherNamespace));
            Assert.Empty(await DockerRequirement.ContainersOfRunAsync(thisNamespace));
        }
        finally
        {
            foreach (ContainerListResponse container in await DockerRequirement.ContainersOfRunAsync(otherNamespace))
            {
                await DockerRequirement.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }
        }
    }

    /// <summary>A created (never started) container with the labels of a run whose runner had a process id no process has.</summary>
    private static async Task<string> CreateLabelledContainerAsync(string processNamespace)
    {
        string runId = TestApp.NewRunId();
        var labels = Leftovers.LabelsFor(runId, "/nowhere/app");
        labels[Leftovers.PidLabel] = "2147483647";
        labels[Leftovers.ProcessNamespaceLabel] = processNamespace;
        await DockerRequirement.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = DockerRequirement.TestImage,
            Name = "bytenite-runlocal-" + runId,
            Cmd = new[] { "true" },
            Labels = labels,
        });
        return runId;
    }

    [DockerFact]
    public async Task The_sweep_leaves_the_containers_of_runs_still_in_progress_alone()
    {
        using TestApp app = TestApp.Current(Sleeper);
        var options = app.Options();
        using var cancellation = new CancellationTokenSource();
        Task<(RunResult Result, string Output)> run = Runner.RunAsync(options, cancellation.Token);
        try
        {
            await DockerRequirement.WaitForRunningContainerAsync(options.RunId!);

            var output = new StringWriter();
            int exitCode = await LocalRun.SweepAsync(null, output, CancellationToken.None);

            Assert.Equal(0, exitCode);
            Assert.DoesNotContain(options.RunId!, output.ToString());
            Assert.Single(await DockerRequirement.ContainersOfRunAsync(options.RunId!));
        }
        finally
        {
            cancellation.Cancel();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }
}
