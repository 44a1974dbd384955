using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ByteNite.Sdk.Tests.Shared;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// `dotnet build -t:RunLocal` and `dotnet run` on the samples, through the packed SDK, in real Docker. These need a Docker
/// daemon and the samples' image (eng/docker-setup.sh, which eng/test.sh runs as root); without them they fail, never skip.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class RunLocalTests
{
    private readonly SdkPackageFixture _sdk;

    public RunLocalTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Theory]
    [InlineData("hello-world")]          // seed dialect: main.py calls runner.run(basepath, params, metadata)
    [InlineData("hello-world-current")]  // current dialect: TASK_DIR, TASK_RESULTS_DIR, APP_PARAMS
    public void RunLocal_runs_the_sample_in_docker_and_copies_its_results_back(string sample)
    {
        TestApp app = _sdk.CreateApp(sample, "runlocal");
        app.Write("sample/params.json", "{ \"case\": \"lower\" }"); // not the sample's "upper", and not "Hello, World!" unchanged

        BuildResult result = app.Build("-t:RunLocal");

        BuildAssert.Succeeded(result);
        Assert.Contains("RunLocal succeeded: exit code 0", result.Output);
        Assert.Equal("hello, world!", File.ReadAllText(SingleResult(app, "hello_world.txt")).Trim());
        Assert.Contains(Path.GetFileNameWithoutExtension(app.ProjectPath) + " -> " + SingleRun(app) + "/", result.Output);
    }

    [Fact]
    public void RunLocal_gives_the_app_the_files_of_its_bundle()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-bundle-files");
        // A module the bundle leaves out (.byteniteignore), one it holds through a link inside the app folder, a secret
        // file and a venv that the default exclusions keep out of it.
        app.Write(".byteniteignore", "/app/local_helper.py\n");
        app.Write("app/local_helper.py", "X = 1\n");
        app.Write("shared/common.py", "Y = 2\n");
        File.CreateSymbolicLink(app.PathOf("app/common.py"), "../shared/common.py");
        app.Write("app/.env", "SECRET=1\n");
        app.Write("app/.venv/pyvenv.cfg", "home = /usr/bin\n");
        app.Write("app/main.py", """
            import json, os
            here = sorted(os.listdir(os.path.dirname(os.path.abspath(__file__))))
            import common
            with open(os.path.join(os.environ['TASK_RESULTS_DIR'], 'files.json'), 'w') as f:
                json.dump({'files': here, 'common': common.Y, 'link': os.path.islink(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'common.py'))}, f)
            """);

        BuildResult result = app.Build("-t:RunLocal");

        BuildAssert.Succeeded(result);
        using var seen = System.Text.Json.JsonDocument.Parse(File.ReadAllText(SingleResult(app, "files.json")));
        Assert.Equal(new[] { "common.py", "main.py" }, seen.RootElement.GetProperty("files").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, seen.RootElement.GetProperty("common").GetInt32());
        Assert.False(seen.RootElement.GetProperty("link").GetBoolean());
    }

    [Fact]
    public void A_multi_targeting_app_runs_once_from_its_first_target_framework()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-multi-target");
        app.WriteProject("  <PropertyGroup>\n    <TargetFrameworks>net10.0;net9.0</TargetFrameworks>\n  </PropertyGroup>");

        BuildResult result = app.Build("-t:RunLocal");

        BuildAssert.Succeeded(result);
        Assert.Single(Regex.Matches(result.Output, "RunLocal succeeded: exit code 0"));
        Assert.Equal("HELLO, WORLD!", File.ReadAllText(SingleResult(app, "hello_world.txt")).Trim());
        Assert.False(Directory.Exists(Path.Combine(app.Directory, "bin", "Debug", "net9.0", "runlocal")));
    }

    [Fact]
    public void The_terminal_logger_shows_the_run_folder_as_the_projects_output()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-terminal-logger");

        string output = RunLocalInTerminal(app);

        // What a user sees in a terminal: the project line links to the run folder; the app's own output is hidden.
        string runFolder = Path.GetRelativePath(app.Directory, SingleRun(app));
        Assert.Matches(@"HelloWorldCurrent net10\.0 succeeded \([0-9.]+s\) → " + Regex.Escape(runFolder) + "/", output);
        Assert.DoesNotContain("| hello-world", output);
    }

    [Fact]
    public void With_the_terminal_logger_a_failed_run_shows_its_error_and_its_run_folder()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-terminal-logger-crash");
        app.Write("app/main.py", "import sys\nprint('about to fail')\nsys.exit(3)\n");

        string output = RunLocalInTerminal(app);

        string runFolder = Path.GetRelativePath(app.Directory, SingleRun(app));
        Assert.Matches(@"HelloWorldCurrent net10\.0 failed with 1 error\(s\) \([0-9.]+s\) → " + Regex.Escape(runFolder) + "/", output);
        Assert.Contains("error BN4006: The app exited with code 3", output);
    }

    [Fact]
    public void Invalid_timeout_or_pull_settings_are_BN4017_before_anything_runs()
    {
        TestApp app = _sdk.CreateApp("hello-world", "runlocal-bn4017");

        // A value with a space would also add a switch of its own to the runner's command line if it got there.
        BuildResult timeout = app.Build("-t:RunLocal", "-p:ByteNiteRunLocalTimeout=60 --no-limits");
        BuildResult tooLong = app.Build("-t:RunLocal", "-p:ByteNiteRunLocalTimeout=2592001");
        BuildResult pull = app.Build("-t:RunLocal", "-p:ByteNiteRunLocalPull=sometimes");

        BuildAssert.Failed(timeout);
        BuildAssert.HasLine(timeout, $"{app.ProjectPath} : error BN4017: ByteNiteRunLocalTimeout \"60 --no-limits\" is not valid: use a whole number of seconds from 0 (no timeout) to 2592000 (30 days).");
        BuildAssert.Failed(tooLong);
        BuildAssert.HasLine(tooLong, $"{app.ProjectPath} : error BN4017: ByteNiteRunLocalTimeout \"2592001\" is not valid: use a whole number of seconds from 0 (no timeout) to 2592000 (30 days).");
        BuildAssert.Failed(pull);
        BuildAssert.HasLine(pull, $"{app.ProjectPath} : error BN4017: ByteNiteRunLocalPull \"sometimes\" is not valid: use missing (pull the image only when it is not here, the default), always or never.");
        Assert.DoesNotContain("BN4015", timeout.Codes.Concat(tooLong.Codes).Concat(pull.Codes));
        Assert.False(Directory.Exists(RunFolder(app)), "no run may start with an invalid setting");
    }

    [Fact]
    public void Invalid_sample_params_stop_RunLocal_before_any_container_starts()
    {
        TestApp app = _sdk.CreateApp("hello-world", "runlocal-invalid-params");
        app.Write("sample/params.json", "{\n  \"case\": \"shout\"\n}\n");

        BuildResult result = app.Build("-t:RunLocal");

        BuildAssert.Failed(result);
        Assert.Contains(app.PathOf("sample/params.json") + "(2,11): error BN2010:", result.Output);
        Assert.False(Directory.Exists(RunFolder(app)), "no run may start with invalid parameters");
    }

    [NativeRunnerFact]
    public void On_x64_linux_RunLocal_starts_the_native_runner_from_the_package()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-native");

        BuildResult result = app.BuildWith("n", null, "-t:RunLocal");

        BuildAssert.Succeeded(result);
        Assert.Contains("Local runner: native, " + Path.Combine(_sdk.NuGetPackagesDirectory, "bytenite.sdk", _sdk.Version.ToLowerInvariant(), "tools", "runlocal", "linux-x64", "ByteNite.Sdk.LocalRunner"), result.Output);
        Assert.Contains("RunLocal succeeded: exit code 0", result.Output);
    }

    [NativeRunnerFact]
    public void Dotnet_run_asks_for_the_native_runner_through_ComputeRunArguments()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "dotnet-run-native");

        // What `dotnet run` reads after running the target; the evaluation alone names the .NET runner, for other hosts.
        ProcessResult computed = app.Run(new[] { "msbuild", app.ProjectPath, "-nodeReuse:false", "-restore", "-t:ComputeRunArguments", "-getProperty:RunCommand" });
        ProcessResult evaluated = app.Run(new[] { "msbuild", app.ProjectPath, "-nodeReuse:false", "-getProperty:RunCommand" });

        Assert.True(computed.ExitCode == 0, computed.Output);
        Assert.Equal(Path.Combine(_sdk.NuGetPackagesDirectory, "bytenite.sdk", _sdk.Version.ToLowerInvariant(), "tools", "runlocal", "linux-x64", "ByteNite.Sdk.LocalRunner"), computed.Output.Trim());
        Assert.NotEqual(computed.Output.Trim(), evaluated.Output.Trim());
    }

    [Fact]
    public void ByteNiteRunLocalNative_false_runs_the_app_with_the_dotnet_runner()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-dotnet-runner");

        BuildResult result = app.BuildWith("n", null, "-t:RunLocal", "-p:ByteNiteRunLocalNative=false");

        BuildAssert.Succeeded(result);
        Assert.Contains("Local runner: .NET, ", result.Output);
        Assert.DoesNotContain("Local runner: native", result.Output);
        Assert.Contains("RunLocal succeeded: exit code 0", result.Output);
        Assert.Equal("HELLO, WORLD!", File.ReadAllText(SingleResult(app, "hello_world.txt")).Trim());
    }

    [Fact]
    public void A_crashing_app_fails_the_build_with_its_exit_code()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-crash");
        app.Write("app/main.py", "import sys\nprint('about to fail')\nsys.exit(3)\n");

        BuildResult result = app.Build("-t:RunLocal");

        BuildAssert.Failed(result);
        Assert.Contains("error BN4006: The app exited with code 3", result.Output);
        Assert.Contains("| about to fail", result.Output);
        Assert.All(result.Codes, code => Assert.Equal("BN4006", code));
    }

    [Fact]
    public void Cancelling_the_build_stops_the_app_and_removes_its_container()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-cancel");

        // SIGINT to dotnet alone, not to its process group: MSBuild cancels the task, which must stop the runner.
        ProcessResult result = RunLocalInterrupted(app, dotnet => Signal(dotnet, "INT"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("RunLocal cancelled; container", result.Output);
        Assert.Empty(ContainersOf(app));
    }

    [Fact]
    public void A_runner_stopped_by_a_signal_from_outside_the_build_is_BN4016()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-interrupted");

        // SIGTERM to the runner alone (its process id is on its container's label): the build itself is not cancelled.
        ProcessResult result = RunLocalInterrupted(app, _ =>
        {
            ProcessResult label = Docker("ps", "-a", "--filter", "label=com.bytenite.sdk.runlocal.app=" + app.Directory, "--format", "{{.Label \"com.bytenite.sdk.runlocal.pid\"}}");
            using Process runner = Process.GetProcessById(int.Parse(label.Output.Trim(), CultureInfo.InvariantCulture));
            Signal(runner, "TERM");
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(app.ProjectPath + " : error BN4016: RunLocal was stopped by a signal before the app finished (exit code 130); it removed its container, and there are no results.", result.Output);
        Assert.DoesNotContain("BN4015", result.Output);
        Assert.Empty(ContainersOf(app));
    }

    [Fact]
    public void A_registry_token_given_as_a_property_reaches_the_runner_and_no_log()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-token-property");
        app.Replace("manifest.json", "\"container\": \"python:3.11-slim-bookworm\"", "\"container\": \"python:3.11-slim-bookworm\", \"private_image\": true, \"username\": \"bytenite-tests\"");
        const string Token = "dckr_pat_property_only_0123456789";

        // The image is present, so nothing is pulled: the token only has to satisfy the runner's own validation (BN1011).
        BuildResult result = app.Build("-t:RunLocal", "-p:ByteNiteRegistryToken=" + Token);

        BuildAssert.Succeeded(result);
        Assert.Contains("RunLocal succeeded: exit code 0", result.Output);
        Assert.DoesNotContain("BN1011", result.Output);
        Assert.DoesNotContain(Token, result.Output);
    }

    [Fact]
    public void A_parameters_file_the_project_names_but_that_does_not_exist_is_BN4009_not_the_default()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-params-missing");

        BuildResult result = app.Build("-t:RunLocal", "-p:ByteNiteSampleParams=sample/other-params.json");

        BuildAssert.Failed(result);
        string line = Assert.Single(result.DiagnosticLines.Where(l => l.Contains(" BN")).Distinct());
        Assert.Contains("error BN4009: ", line);
        Assert.Contains(app.PathOf("sample/other-params.json"), line);
        Assert.DoesNotContain("RunLocal succeeded", result.Output);
    }

    [Fact]
    public void Arguments_the_runner_refuses_are_BN4015_quoting_it()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "runlocal-bad-arguments");

        BuildResult result = app.Build("-t:RunLocal", "-p:ByteNiteRunLocalArguments=--quiet");

        BuildAssert.Failed(result);
        Assert.Contains(app.ProjectPath + " : error BN4015: The local runner could not run the app: it exited with code 2: ByteNite.Sdk.LocalRunner: unknown option '--quiet'", result.Output);
    }

    [Fact]
    public void Dotnet_run_runs_the_app_with_its_output_on_the_console()
    {
        TestApp app = _sdk.CreateApp("hello-world", "dotnet-run");

        ProcessResult result = app.Run(new[] { "run", "--project", app.ProjectPath });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("| hello-world: wrote", result.Output);
        Assert.Equal("HELLO, WORLD!", File.ReadAllText(SingleResult(app, "hello_world.txt")).Trim());
    }

    /// <summary>
    /// `dotnet build -t:RunLocal` of an app that would run for ten minutes, interrupted by <paramref name="interrupt"/>
    /// (given the dotnet process) as soon as its container runs.
    /// </summary>
    private static ProcessResult RunLocalInterrupted(TestApp app, Action<Process> interrupt)
    {
        app.Write("app/main.py", "import time\nprint('started', flush=True)\ntime.sleep(600)\n");
        return app.Run(
            new[] { "build", app.ProjectPath, "-nodeReuse:false", "-tl:off", "-v:m", "-t:RunLocal" },
            whileRunning: dotnet =>
            {
                WaitFor(() => ContainersOf(app).Length > 0, "a running RunLocal container");
                interrupt(dotnet);
            });
    }

    private static string RunFolder(TestApp app) => Path.Combine(app.Directory, "bin", "Debug", "net10.0", "runlocal");

    private static string SingleRun(TestApp app) => Assert.Single(Directory.GetDirectories(RunFolder(app)));

    /// <summary>`dotnet build -t:RunLocal` with the terminal logger, as in a terminal, without its control sequences
    /// (colours, cursor moves, links, progress).</summary>
    private static string RunLocalInTerminal(TestApp app) =>
        Regex.Replace(app.Run(new[] { "build", app.ProjectPath, "-nodeReuse:false", "-tl:on", "-t:RunLocal" }).Output, @"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;?]*[A-Za-z]", string.Empty).Replace("\r", string.Empty);

    /// <summary>The app's RunLocal containers, found by the label the runner gives them, through the docker CLI.</summary>
    private static string[] ContainersOf(TestApp app)
    {
        ProcessResult ps = Docker("ps", "-aq", "--filter", "label=com.bytenite.sdk.runlocal.app=" + app.Directory);
        Assert.True(ps.ExitCode == 0, ps.Output);
        return ps.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static ProcessResult Docker(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process docker = Process.Start(start)!;
        string output = docker.StandardOutput.ReadToEnd() + docker.StandardError.ReadToEnd();
        docker.WaitForExit();
        return new ProcessResult(docker.ExitCode, output, TimeSpan.Zero);
    }

    private static void Signal(Process process, string signal)
    {
        using Process kill = Process.Start(new ProcessStartInfo("kill", new[] { "-" + signal, process.Id.ToString(CultureInfo.InvariantCulture) }) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static void WaitFor(Func<bool> condition, string what, int seconds = 120)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "no " + what + " within " + seconds + " s");
            Thread.Sleep(200);
        }
    }

    private static string SingleResult(TestApp app, string fileName)
    {
        string run = SingleRun(app);
        Assert.True(File.Exists(Path.Combine(run, "container.log")), "the container's log is kept next to the results");
        return Path.Combine(run, "results", fileName);
    }
}
