using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner;
using ByteNite.Sdk.LocalRunner.Running;
using ByteNite.Sdk.Model.Diagnostics;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>Each way an app can fail gives its own BN4xxx error, located where the user can act, and leaves no container.</summary>
public class FailureTests
{
    [DockerFact]
    public async Task A_crashing_app_reports_its_exit_code_and_last_log_lines_at_the_failing_line()
    {
        using TestApp app = TestApp.Current("""
            import sys
            print('step 1 done')
            def fail():
                raise ValueError('boom: the input is empty')
            fail()
            """);

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, result.AppExitCode);
        Diagnostic error = result.Single("BN4006");
        Assert.Equal(Path.Combine(app.Path, "app", "main.py"), error.FilePath);
        Assert.Equal(app.LineOf("app/main.py", "raise ValueError"), error.Location.Start.Line);
        Assert.Contains("exited with code 1", error.Message);
        Assert.True(error.Message.Contains("ValueError: boom: the input is empty"), output);
        Assert.Contains("  | step 1 done", output);
        Assert.Contains("  | Traceback (most recent call last):", output);
        Assert.Matches(@"main\.py\(\d+,1\): error BN4006: ", output);
        Assert.Contains("step 1 done", File.ReadAllText(result.LogFile!));
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(result.RunId));
    }

    [DockerFact]
    public async Task Without_a_traceback_the_error_quotes_the_apps_last_line_not_an_earlier_warning()
    {
        using TestApp app = TestApp.Current("""
            import sys, time
            print('DeprecationWarning: something old', file=sys.stderr, flush=True)
            time.sleep(0.2)
            print('fatal: input checksum mismatch', flush=True)
            sys.exit(3)
            """);

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.Equal(3, result.AppExitCode);
        Assert.Contains("exited with code 3 after", result.Single("BN4006").Message);
        Assert.True(result.Single("BN4006").Message.Contains(": fatal: input checksum mismatch"), output);
    }

    [DockerFact]
    public async Task A_progress_bar_drawn_with_carriage_returns_is_shown_as_it_goes()
    {
        using TestApp app = TestApp.Current("""
            import sys
            for p in (10, 20, 30):
                sys.stderr.write('\rprogress %d%%' % p)
            sys.stderr.write('\n')
            """);

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.Equal(0, result.AppExitCode);
        Assert.Contains("  | progress 10%\n", output.Replace("\r\n", "\n"));
        Assert.Contains("  | progress 30%\n", output.Replace("\r\n", "\n"));
        Assert.Contains("progress 20%", File.ReadAllLines(result.LogFile!));
    }

    [DockerFact]
    public async Task Without_live_output_the_last_log_lines_are_still_printed()
    {
        using TestApp app = TestApp.Current("import sys\nfor i in range(50):\n    print('line', i)\nsys.exit(3)\n");
        var options = app.Options();
        options.StreamAppOutput = false;

        (RunResult result, string output) = await Runner.RunAsync(options);

        Assert.Equal(3, result.AppExitCode);
        Assert.Contains("exited with code 3", result.Single("BN4006").Message);
        Assert.Contains("  | line 49", output);
        Assert.DoesNotContain("  | line 10\n", output.Replace("\r", string.Empty));
    }

    [DockerFact]
    public async Task An_app_over_its_memory_limit_is_reported_as_out_of_memory_at_min_memory()
    {
        // 1.5 GB filled with data (not merely reserved) against the 1 GiB of min_memory.
        using TestApp app = TestApp.Current("data = b'x' * (1536 * 1024 * 1024)\nprint(len(data))\n", deviceRequirements: "{ \"min_cpu\": 1, \"min_memory\": 1 }");

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.OutOfMemory, output);
        Assert.Equal(137, result.AppExitCode);
        Diagnostic error = result.Single("BN4007");
        Assert.Equal(Path.Combine(app.Path, "manifest.json"), error.FilePath);
        Assert.Equal(app.LineOf("manifest.json", "min_memory"), error.Location.Start.Line);
        Assert.Contains("memory limit of 1 GiB", error.Message);
        Assert.Contains("device_requirements.min_memory in manifest.json, line " + app.LineOf("manifest.json", "min_memory"), error.Message);
        Assert.DoesNotContain("BN4006", result.Ids());
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(result.RunId));
    }

    [DockerFact]
    public async Task A_child_process_killed_for_memory_does_not_fail_an_app_that_exits_0()
    {
        // The app survives its child's death and handles it: that is the app's decision, not an out-of-memory failure.
        using TestApp app = TestApp.Current(
            "import os, subprocess, sys\n"
            + "child = subprocess.run([sys.executable, '-c', \"data = b'x' * (1536 * 1024 * 1024)\"])\n"
            + "print('child exited with', child.returncode)\n"
            + "open(os.path.join(os.environ['TASK_RESULTS_DIR'], 'out.txt'), 'w').write(str(child.returncode))\n",
            deviceRequirements: "{ \"min_cpu\": 1, \"min_memory\": 1 }");

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.Equal(0, result.AppExitCode);
        Assert.False(result.OutOfMemory, output);
        Assert.DoesNotContain("BN4007", result.Ids());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Memory:   a process the app started was killed for using more than the memory limit (1 GiB, device_requirements.min_memory in manifest.json, line " + app.LineOf("manifest.json", "min_memory") + "); the app itself exited 0.", output);
    }

    [DockerFact]
    public async Task Without_limits_the_same_app_is_not_killed()
    {
        using TestApp app = TestApp.Current("data = b'x' * (1536 * 1024 * 1024)\nprint(len(data))\n");
        var options = app.Options();
        options.NoLimits = true;

        (RunResult result, string output) = await Runner.RunAsync(options);

        Assert.False(result.OutOfMemory, output);
        Assert.Equal(0, result.AppExitCode);
        Assert.Contains("Limits:   none (--no-limits)", output);
    }

    [DockerFact]
    public async Task A_sleeping_app_is_stopped_by_the_timeout_counted_from_the_container_start()
    {
        using TestApp app = TestApp.Current("import time\nprint('sleeping', flush=True)\ntime.sleep(600)\n");
        var options = app.Options();
        options.TimeoutSeconds = 3;

        (RunResult result, string output) = await Runner.RunAsync(options);

        Assert.True(result.TimedOut, output);
        Diagnostic error = result.Single("BN4008");
        Assert.Contains("timeout of 3 s (set by --timeout)", error.Message);
        Assert.DoesNotContain("BN4006", result.Ids());
        // Counted from the container's start, and the app, which would sleep 600 s, was stopped.
        Assert.InRange(result.AppDuration!.Value.TotalSeconds, 2.5, 30);
        Assert.Contains("  | sleeping", output);
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(result.RunId));
    }

    [DockerFact]
    public async Task The_timeout_message_names_the_MSBuild_property_when_MSBuild_runs_it()
    {
        using TestApp app = TestApp.Current("import time\ntime.sleep(600)\n");
        var options = app.Options();
        options.TimeoutSeconds = 1;
        options.Caller = Caller.MSBuild;

        (RunResult result, _) = await Runner.RunAsync(options);

        Assert.Contains("the ByteNiteRunLocalTimeout property", result.Single("BN4008").Message);
    }

    [DockerFact]
    public async Task An_image_without_python_is_reported_as_such()
    {
        string image = await TestImages.WithoutPythonAsync();
        using TestApp app = TestApp.Current("print('never')\n", image: image);

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Diagnostic error = result.Single("BN4011");
        Assert.Equal(app.LineOf("manifest.json", "\"container\""), error.Location.Start.Line);
        Assert.Contains("has no 'python' command", error.Message);
        Assert.Null(result.AppExitCode);
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(result.RunId));
    }

    [DockerFact]
    public async Task An_app_that_writes_no_results_gets_a_warning_saying_where_to_write()
    {
        using TestApp app = TestApp.Seed("def run(basepath, params, metadata):\n    print('did nothing')\n");

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.Equal(0, result.ExitCode);
        Diagnostic warning = result.Single("BN4013");
        Assert.Contains("os.path.join(basepath, 'result')", warning.Message);
        Assert.Contains("warning BN4013", output);
    }

    [DockerFact]
    public async Task Requirements_larger_than_the_machine_give_a_warning_and_the_app_still_runs()
    {
        using TestApp app = TestApp.Current("import os\nopen(os.path.join(os.environ['TASK_RESULTS_DIR'], 'ok'), 'w').write('ok')\n", deviceRequirements: "{ \"min_cpu\": 512, \"min_memory\": 1 }");

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.ExitCode == 0, output);
        Diagnostic warning = result.Single("BN4014");
        Assert.Equal(app.LineOf("manifest.json", "min_cpu"), warning.Location.Start.Line);
        Assert.Contains("asks for 512 vCPUs", warning.Message);
    }

    [DockerFact]
    public async Task With_pull_never_a_missing_image_is_an_error_naming_the_policy()
    {
        using TestApp app = TestApp.Current("print(1)\n", image: "bytenite-sdk-tests/not-there:1.0");
        var options = app.Options();
        options.Pull = PullPolicy.Never;

        (RunResult result, _) = await Runner.RunAsync(options);

        Diagnostic error = result.Single("BN4003");
        Assert.Contains("bytenite-sdk-tests/not-there:1.0", error.Message);
        Assert.Contains("pull policy is 'never'", error.Message);
        Assert.Equal(app.LineOf("manifest.json", "\"container\""), error.Location.Start.Line);
    }

    [DockerFact]
    public async Task An_image_without_a_tag_is_pulled_as_latest_and_a_failed_pull_is_an_error()
    {
        using TestApp app = TestApp.Current("print(1)\n", image: "bytenite-sdk-tests/no-such-image");

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.Contains("pulling bytenite-sdk-tests/no-such-image:latest (no tag in manifest.json, so ':latest')", output);
        Diagnostic error = result.Single("BN4003");
        Assert.Contains("\"bytenite-sdk-tests/no-such-image:latest\"", error.Message);
        Assert.Contains("pulling it failed", error.Message);
    }

    [DockerFact]
    public async Task With_pull_always_an_unreachable_registry_fails_and_points_at_the_local_copy()
    {
        using TestApp app = TestApp.Current("print(1)\n", image: await TestImages.LocalOnlyAsync());
        var options = app.Options();
        options.Pull = PullPolicy.Always;

        (RunResult result, _) = await Runner.RunAsync(options);

        Diagnostic error = result.Single("BN4003");
        Assert.Contains("older copy", error.Message);
        Assert.Contains("which --pull set to 'missing' uses", error.Message);
    }
}
