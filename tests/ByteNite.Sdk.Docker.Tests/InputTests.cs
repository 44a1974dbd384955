using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner;
using ByteNite.Sdk.LocalRunner.Running;
using ByteNite.Sdk.Model.Diagnostics;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>
/// What is checked before Docker is touched. Each case points DOCKER_HOST at a socket that does not exist: a run that
/// got as far as Docker would report BN4001, so its absence proves the run stopped at the input check.
/// </summary>
public class InputTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": { "case": { "type": "string", "enum": ["upper", "lower", "title"] } },
          "required": ["case"]
        }
        """;

    [Fact]
    public async Task Parameters_that_violate_schema_json_stop_the_run_with_BN2010_at_the_value()
    {
        using TestApp app = TestApp.Current("print(1)\n");
        app.Write("schema.json", Schema);
        app.Write("sample/params.json", "{\n  \"case\": \"shout\"\n}\n");

        (RunResult result, string output) = await RunOffline(app);

        Diagnostic error = result.Single("BN2010");
        Assert.Equal(Path.Combine(app.Path, "sample", "params.json"), error.FilePath);
        Assert.Equal(2, error.Location.Start.Line);
        Assert.Contains("params.json(2,", output);
        Assert.DoesNotContain("BN4001", result.Ids());
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task A_missing_required_parameter_is_reported_for_an_explicit_params_file()
    {
        using TestApp app = TestApp.Seed("def run(basepath, params, metadata):\n    pass\n");
        app.Write("schema.json", Schema);
        app.Write("my-params.json", "{}");
        var options = Offline(app);
        options.ParamsFile = Path.Combine(app.Path, "my-params.json");

        (RunResult result, _) = await Runner.RunAsync(options);

        Assert.Contains("case", result.Single("BN2010").Message);
        Assert.DoesNotContain("BN4001", result.Ids());
    }

    [Fact]
    public async Task Parameters_that_are_not_json_or_not_an_object_are_errors()
    {
        using TestApp app = TestApp.Current("print(1)\n");
        app.Write("sample/params.json", "{ \"case\": }");
        (RunResult invalid, _) = await RunOffline(app);
        app.Write("sample/params.json", "[1, 2]");
        (RunResult array, _) = await RunOffline(app);

        Assert.Contains("BN2016", invalid.Ids());
        Assert.Contains("BN1026", array.Ids());
        Assert.DoesNotContain("BN4001", invalid.Ids().Concat(array.Ids()));
    }

    [Fact]
    public async Task Windows_line_endings_in_the_entrypoint_are_caught_with_the_fix()
    {
        using TestApp app = TestApp.Current("import os\r\nprint('hello')\r\n");

        (RunResult result, string output) = await RunOffline(app);

        Diagnostic error = result.Single("BN4005");
        Assert.Equal(Path.Combine(app.Path, "app", "main.py"), error.FilePath);
        Assert.Equal(1, error.Location.Start.Line);
        Assert.Contains("app/main.py has Windows line endings (CRLF, first on line 1)", error.Message);
        Assert.Contains("sed -i", error.Message);
        Assert.Contains("*.py text eol=lf", error.Message);
        Assert.DoesNotContain("BN4001", result.Ids());
        Assert.Contains("main.py(1,1): error BN4005", output);
    }

    [Fact]
    public async Task Windows_line_endings_in_a_seed_apps_runner_py_are_caught_at_their_first_line()
    {
        using TestApp app = TestApp.Seed("import os\n\ndef run(basepath, params, metadata):\r\n    pass\r\n");

        (RunResult result, _) = await RunOffline(app);

        Diagnostic error = result.Single("BN4005");
        Assert.Equal(Path.Combine(app.Path, "app", "runner.py"), error.FilePath);
        Assert.Equal(3, error.Location.Start.Line);
    }

    [Fact]
    public async Task A_secret_missing_from_the_environment_is_reported_at_its_id_in_manifest_json()
    {
        using TestApp app = TestApp.Current("print(1)\n", platformConfigExtra: ",\n    \"secrets\": [\"MY_S3_KEY\"]");

        (RunResult result, string output) = await RunOffline(app);

        Diagnostic error = result.Single("BN4004");
        Assert.Equal(Path.Combine(app.Path, "manifest.json"), error.FilePath);
        Assert.Equal(app.LineOf("manifest.json", "MY_S3_KEY"), error.Location.Start.Line);
        Assert.Contains("Set MY_S3_KEY_ACCESS_KEY and MY_S3_KEY_SECRET_KEY (an AWS, GCP or Storj secret) or MY_S3_KEY (a secret of type \"other\")", error.Message);
        Assert.DoesNotContain("BN4001", result.Ids());
    }

    [Fact]
    public async Task A_sample_input_that_does_not_exist_is_an_error_naming_the_switch()
    {
        using TestApp app = TestApp.Current("print(1)\n");
        var options = Offline(app);
        options.InputFile = Path.Combine(app.Path, "missing.bin");
        options.Caller = Caller.MSBuild;

        (RunResult result, _) = await Runner.RunAsync(options);

        Diagnostic error = result.Single("BN4009");
        Assert.Contains("The sample input \"" + options.InputFile + "\" does not exist", error.Message);
        Assert.Contains("the ByteNiteSampleInput property", error.Message);
    }

    [Fact]
    public async Task Cache_folders_that_do_not_exist_are_errors_naming_their_properties()
    {
        using TestApp app = TestApp.Current("print(1)\n");
        var options = Offline(app);
        options.SharedCacheDirectory = Path.Combine(app.Path, "no-shared-cache");
        options.UserCacheDirectory = Path.Combine(app.Path, "no-user-cache");
        options.Caller = Caller.MSBuild;

        (RunResult result, _) = await Runner.RunAsync(options);

        Assert.Equal(new[] { "BN4009", "BN4009" }, result.Ids());
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("The shared cache folder \"" + options.SharedCacheDirectory + "\" does not exist.", StringComparison.Ordinal) && d.Message.Contains("the ByteNiteSharedCacheDir property", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("The user cache folder \"" + options.UserCacheDirectory + "\" does not exist.", StringComparison.Ordinal) && d.Message.Contains("the ByteNiteUserCacheDir property", StringComparison.Ordinal));
        Assert.False(Directory.Exists(options.SharedCacheDirectory));
    }

    [Fact]
    public async Task Parameters_too_large_for_an_environment_variable_are_BN4018_before_any_container()
    {
        using TestApp app = TestApp.Current("print(1)\n");
        app.Write("sample/params.json", "{ \"items\": [" + string.Join(", ", Enumerable.Repeat("\"a-rather-long-item-name\"", 6000)) + "] }");

        (RunResult result, _) = await RunOffline(app);

        Diagnostic error = result.Single("BN4018");
        Assert.Equal(Path.Combine(app.Path, "sample", "params.json"), error.FilePath);
        Assert.StartsWith("The parameters are 152 KB as APP_PARAMS,", error.Message);
        Assert.Contains("more than the 128 KB that Linux allows one environment variable", error.Message);
        Assert.Equal(new[] { "BN4018" }, result.Ids());
    }

    [Fact]
    public async Task An_invalid_manifest_stops_the_run_with_its_errors_only()
    {
        using TestApp app = TestApp.Current("print(1)\n");
        app.Write("manifest.json", "{ \"name\": \"test-app\", \"version\": \"1\", \"platform\": \"docker\", \"entrypoint\": \"main.py\", \"platform_config\": { \"container\": \"python\" } }");

        (RunResult result, _) = await RunOffline(app);

        Assert.Equal(new[] { "BN1004" }, result.Ids());
    }

    private static RunOptions Offline(TestApp app)
    {
        var options = app.Options();
        options.Environment = name => name == "DOCKER_HOST" ? "unix:///nonexistent/docker.sock" : System.Environment.GetEnvironmentVariable(name);
        return options;
    }

    private static Task<(RunResult Result, string Output)> RunOffline(TestApp app) => Runner.RunAsync(Offline(app));
}
