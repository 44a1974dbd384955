using System.IO;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>The runner's command line, parsed and as a real process (exit codes, usage).</summary>
public class CommandLineTests
{
    private static readonly string Here = Path.GetTempPath();

    [Fact]
    public void Every_switch_maps_onto_the_options()
    {
        CommandLine line = CommandLine.Parse(new[]
        {
            "run", "--app-dir", "app", "--input", "in.bin", "--params=p.json", "--output-dir", "out", "--timeout", "30",
            "--pull", "always", "--no-limits", "--shared-cache", "shared", "--user-cache", "user", "--run-id", "r1",
            "--origin", "App.csproj", "--caller", "msbuild", "--quiet-app", "--stop-on-input-close",
        }, Here);

        Assert.Null(line.Error);
        Assert.True(line.StopOnInputClose);
        RunOptions options = line.Options!;
        Assert.Equal(Path.Combine(Here, "app"), options.AppDirectory);
        Assert.Equal(Path.Combine(Here, "in.bin"), options.InputFile);
        Assert.Equal(Path.Combine(Here, "p.json"), options.ParamsFile);
        Assert.Equal(Path.Combine(Here, "out"), options.OutputDirectory);
        Assert.Equal(30, options.TimeoutSeconds);
        Assert.True(options.TimeoutIsExplicit);
        Assert.Equal(PullPolicy.Always, options.Pull);
        Assert.True(options.NoLimits);
        Assert.Equal(Path.Combine(Here, "shared"), options.SharedCacheDirectory);
        Assert.Equal(Path.Combine(Here, "user"), options.UserCacheDirectory);
        Assert.Equal("r1", options.RunId);
        Assert.Equal(Path.Combine(Here, "App.csproj"), options.Origin);
        Assert.Equal(Caller.MSBuild, options.Caller);
        Assert.False(options.StreamAppOutput);
    }

    [Fact]
    public void The_defaults_are_the_current_folder_sample_files_and_the_missing_pull_policy()
    {
        CommandLine line = CommandLine.Parse(new[] { "run" }, Here);
        Assert.False(line.StopOnInputClose);
        RunOptions options = line.Options!;

        Assert.Equal(Path.GetFullPath(Here), options.AppDirectory);
        Assert.Null(options.InputFile);
        Assert.Null(options.ParamsFile);
        Assert.Equal(RunOptions.DefaultTimeoutSeconds, options.TimeoutSeconds);
        Assert.False(options.TimeoutIsExplicit);
        Assert.Equal(PullPolicy.Missing, options.Pull);
        Assert.Equal(string.Empty, CommandLine.Parse(new[] { "run", "--no-input" }, Here).Options!.InputFile);
    }

    [Theory]
    [InlineData("--timeout", "soon", "--timeout must be a whole number")]
    [InlineData("--timeout", "5000000", "--timeout must be a whole number of seconds from 0 (none) to 2592000 (30 days), not '5000000'")]
    [InlineData("--pull", "sometimes", "--pull must be missing, always or never")]
    [InlineData("--caller", "ide", "--caller must be cli or msbuild")]
    [InlineData("--colour", "red", "unknown option '--colour'")]
    public void Bad_values_are_explained(string name, string value, string message)
    {
        CommandLine line = CommandLine.Parse(new[] { "run", name, value }, Here);

        Assert.Equal("help", line.Command);
        Assert.Contains(message, line.Error);
    }

    [Fact]
    public async Task The_process_exits_2_on_a_bad_command_line_and_0_with_help()
    {
        using (Runner.RunningProcess bad = Runner.Start("run", "--pull", "sometimes"))
        {
            Assert.Equal(2, await bad.WaitAsync());
            Assert.Contains("--pull must be missing, always or never", bad.Output);
        }

        using Runner.RunningProcess help = Runner.Start("--help");
        Assert.Equal(0, await help.WaitAsync());
        Assert.Contains("ByteNite.Sdk.LocalRunner run --app-dir DIR [options]", help.Output);
    }

    [Fact]
    public async Task The_process_prints_BN4001_in_MSBuild_format_and_exits_1_without_Docker()
    {
        using TestApp app = TestApp.Current("print(1)\n");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", new[] { Runner.Dll, "run", "--app-dir", app.Path, "--origin", Path.Combine(app.Path, "App.csproj") })
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["DOCKER_HOST"] = "unix:///nonexistent/docker.sock";
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains(Path.Combine(app.Path, "App.csproj") + ": error BN4001: The Docker endpoint you chose (DOCKER_HOST) did not answer.", output);
    }
}
