using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner.Running;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>The platform's app contract, as seen from inside the container, in both dialects.</summary>
public class ContractTests
{
    [DockerTheory]
    [InlineData("hello-world")]
    [InlineData("hello-world-current")]
    public async Task The_samples_convert_their_sample_input(string sample)
    {
        using TestApp app = TestApp.CopyOfSample(sample);
        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal(0, result.AppExitCode);
        string expected = File.ReadAllText(Path.Combine(app.Path, "sample", "data.bin")).ToUpperInvariant();
        Assert.Equal(expected, File.ReadAllText(Path.Combine(result.ResultsDirectory!, "hello_world.txt")));
        Assert.Equal(new[] { "hello_world.txt" }, result.ResultFiles.Select(f => f.Path));
        Assert.Contains("hello_world.txt", output);
        Assert.Contains("RunLocal succeeded: exit code 0", output);
        Assert.True(File.Exists(Path.Combine(result.RunDirectory!, "container.log")));
        Assert.Empty(await DockerRequirement.ContainersOfRunAsync(result.RunId));
    }

    [DockerTheory]
    [InlineData("hello-world")]
    [InlineData("hello-world-current")]
    public async Task The_parameters_file_reaches_the_app(string sample)
    {
        using TestApp app = TestApp.CopyOfSample(sample);
        // Neither the sample's own "upper" nor "title", which leaves "Hello, World!" as it is.
        app.Write("other-params.json", "{ \"case\": \"lower\" }");
        var options = app.Options();
        options.ParamsFile = Path.Combine(app.Path, "other-params.json");

        (RunResult result, string output) = await Runner.RunAsync(options);

        Assert.True(result.ExitCode == 0, output);
        string text = File.ReadAllText(Path.Combine(app.Path, "sample", "data.bin"));
        string expected = text.ToLowerInvariant();
        Assert.Equal(expected, File.ReadAllText(Path.Combine(result.ResultsDirectory!, "hello_world.txt")));
    }

    private const string EnvironmentProbe = """
        import json, os
        result = os.environ['TASK_RESULTS_DIR']
        report = {name: os.environ.get(name) for name in ['TASK_DIR', 'TASK_RESULTS_DIR', 'APP_PARAMS', 'USER_CACHE_DIR', 'SHARED_CACHE_DIR']}
        report['cwd'] = os.getcwd()
        report['task_dir_files'] = sorted(os.listdir(os.environ['TASK_DIR']))
        report['app_files'] = sorted(os.listdir(os.path.dirname(os.path.abspath(__file__))))
        report['data'] = open(os.path.join(os.environ['TASK_DIR'], 'data.bin'), 'rb').read().decode() if os.path.exists(os.path.join(os.environ['TASK_DIR'], 'data.bin')) else None
        try:
            open(os.path.join(os.environ['SHARED_CACHE_DIR'], 'x'), 'w').write('x')
            report['shared_cache_writable'] = True
        except OSError:
            report['shared_cache_writable'] = False
        report['user_cache_writable'] = os.access(os.environ['USER_CACHE_DIR'], os.W_OK)
        with open(os.path.join(result, 'env.json'), 'w') as f:
            json.dump(report, f)
        """;

    [DockerFact]
    public async Task A_current_app_gets_the_task_folders_parameters_and_caches()
    {
        using TestApp app = TestApp.Current(EnvironmentProbe);
        app.Write("sample/data.bin", "chunk-0");
        app.Write("sample/params.json", "{\n  \"case\": \"upper\",\n  \"n\": [1, 2]\n}\n");
        app.Write("app/helper.py", "# a second module, copied with the entrypoint\n");

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.ExitCode == 0, output);
        using JsonDocument env = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.ResultsDirectory!, "env.json")));
        JsonElement root = env.RootElement;
        Assert.Equal("/bytenite/task", root.GetProperty("TASK_DIR").GetString());
        Assert.Equal("/bytenite/task/result", root.GetProperty("TASK_RESULTS_DIR").GetString());
        Assert.Equal("{\"case\":\"upper\",\"n\":[1,2]}", root.GetProperty("APP_PARAMS").GetString());
        Assert.Equal("/bytenite/cache/user", root.GetProperty("USER_CACHE_DIR").GetString());
        Assert.Equal("/bytenite/cache/shared", root.GetProperty("SHARED_CACHE_DIR").GetString());
        Assert.Equal("/bytenite", root.GetProperty("cwd").GetString());
        Assert.Equal(new[] { "data.bin", "result" }, root.GetProperty("task_dir_files").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "helper.py", "main.py" }, root.GetProperty("app_files").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("chunk-0", root.GetProperty("data").GetString());
        Assert.False(root.GetProperty("shared_cache_writable").GetBoolean());
        Assert.True(root.GetProperty("user_cache_writable").GetBoolean());
    }

    [DockerFact]
    public async Task Without_sample_files_there_is_no_data_bin_and_APP_PARAMS_is_an_empty_object()
    {
        using TestApp app = TestApp.Current(EnvironmentProbe);

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.ExitCode == 0, output);
        using JsonDocument env = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.ResultsDirectory!, "env.json")));
        Assert.Equal("{}", env.RootElement.GetProperty("APP_PARAMS").GetString());
        Assert.Equal(new[] { "result" }, env.RootElement.GetProperty("task_dir_files").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Input:    none", output);
    }

    [DockerFact]
    public async Task A_seed_app_reads_basepath_data_bin_and_writes_basepath_result()
    {
        using TestApp app = TestApp.Seed("""
            import os

            def run(basepath, params, metadata):
                with open(os.path.join(basepath, 'data.bin'), 'rb') as f:
                    data = f.read().decode()
                os.makedirs(os.path.join(basepath, 'result', 'nested'), exist_ok=True)
                with open(os.path.join(basepath, 'result', 'out.txt'), 'w') as f:
                    f.write(data * params['times'])
                with open(os.path.join(basepath, 'result', 'nested', 'same.txt'), 'w') as f:
                    f.write(str(os.path.join(basepath, 'result') == os.environ['TASK_RESULTS_DIR']))
            """);
        app.Write("sample/data.bin", "ab");
        app.Write("sample/params.json", "{\"times\": 3}");

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal("ababab", File.ReadAllText(Path.Combine(result.ResultsDirectory!, "out.txt")));
        Assert.Equal("True", File.ReadAllText(Path.Combine(result.ResultsDirectory!, "nested", "same.txt")));
        Assert.Equal(new[] { "nested/same.txt", "out.txt" }, result.ResultFiles.Select(f => f.Path));
        Assert.Contains("seed dialect", output);
    }

    [DockerFact]
    public async Task The_user_cache_persists_between_runs_and_a_shared_cache_folder_is_mounted_read_only()
    {
        string marker = "marker-" + Guid.NewGuid().ToString("N");
        using TestApp app = TestApp.Current($$"""
            import os
            user = os.path.join(os.environ['USER_CACHE_DIR'], '{{marker}}')
            seen = os.path.exists(user)
            # The second run leaves the real per-user volume as it found it.
            if seen:
                os.remove(user)
            else:
                open(user, 'a').write('x')
            shared = open(os.path.join(os.environ['SHARED_CACHE_DIR'], 'model.txt')).read()
            with open(os.path.join(os.environ['TASK_RESULTS_DIR'], 'out.txt'), 'w') as f:
                f.write(str(seen) + ' ' + shared)
            """);
        app.Write("shared/model.txt", "weights");
        var first = app.Options();
        first.SharedCacheDirectory = Path.Combine(app.Path, "shared");
        var second = app.Options();
        second.SharedCacheDirectory = first.SharedCacheDirectory;

        (RunResult one, string output1) = await Runner.RunAsync(first);
        (RunResult two, string output2) = await Runner.RunAsync(second);

        Assert.True(one.ExitCode == 0, output1);
        Assert.True(two.ExitCode == 0, output2);
        Assert.Equal("False weights", File.ReadAllText(Path.Combine(one.ResultsDirectory!, "out.txt")));
        Assert.Equal("True weights", File.ReadAllText(Path.Combine(two.ResultsDirectory!, "out.txt")));
        Assert.Equal(new[] { "model.txt" }, Directory.GetFiles(first.SharedCacheDirectory).Select(Path.GetFileName));
    }

    [DockerFact]
    public async Task Secrets_come_from_the_environment_under_the_platforms_names_and_are_masked_in_the_log()
    {
        using TestApp app = TestApp.Current("""
            import os
            print('key is ' + os.environ['STORE_ACCESS_KEY'] + ', token is ' + os.environ['API_TOKEN'])
            with open(os.path.join(os.environ['TASK_RESULTS_DIR'], 'seen.txt'), 'w') as f:
                f.write(os.environ['STORE_ACCESS_KEY'] + ' ' + os.environ['STORE_SECRET_KEY'] + ' ' + os.environ['API_TOKEN'])
            """, platformConfigExtra: ",\n    \"secrets\": [\"STORE\", \"API_TOKEN\"]");
        var options = app.Options();
        options.Environment = name => name switch
        {
            "STORE_ACCESS_KEY" => "AKIAEXAMPLEKEY",
            "STORE_SECRET_KEY" => "very-secret-value",
            "API_TOKEN" => "tok-123456",
            _ => Environment.GetEnvironmentVariable(name),
        };

        (RunResult result, string output) = await Runner.RunAsync(options);

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal("AKIAEXAMPLEKEY very-secret-value tok-123456", File.ReadAllText(Path.Combine(result.ResultsDirectory!, "seen.txt")));
        Assert.Contains("key is ***, token is ***", output);
        Assert.Contains("STORE_ACCESS_KEY, STORE_SECRET_KEY, API_TOKEN", output);
        string log = File.ReadAllText(result.LogFile!);
        foreach (string value in new[] { "AKIAEXAMPLEKEY", "very-secret-value", "tok-123456" })
        {
            Assert.DoesNotContain(value, output);
            Assert.DoesNotContain(value, log);
        }
    }

    [DockerFact]
    public async Task Links_in_the_results_are_listed_as_skipped_not_followed()
    {
        using TestApp app = TestApp.Current("""
            import os
            r = os.environ['TASK_RESULTS_DIR']
            open(os.path.join(r, 'real.txt'), 'w').write('data')
            os.symlink('/etc/passwd', os.path.join(r, 'passwd'))
            """);

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal(new[] { "real.txt" }, result.ResultFiles.Select(f => f.Path));
        Assert.Contains("skipped: passwd (link to /etc/passwd)", output);
        Assert.False(File.Exists(Path.Combine(result.ResultsDirectory!, "passwd")));
    }

    [DockerFact]
    public async Task A_result_with_two_names_comes_back_under_both_and_executables_stay_executable()
    {
        using TestApp app = TestApp.Current("""
            import os
            r = os.environ['TASK_RESULTS_DIR']
            open(os.path.join(r, 'top.txt'), 'w').write('shared content')
            os.makedirs(os.path.join(r, 'sub'))
            os.link(os.path.join(r, 'top.txt'), os.path.join(r, 'sub', 'second-name.txt'))
            open(os.path.join(r, 'run.sh'), 'w').write('#!/bin/sh\necho hi\n')
            os.chmod(os.path.join(r, 'run.sh'), 0o755)
            """);

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.ExitCode == 0, output);
        Assert.Equal(new[] { "run.sh", "sub/second-name.txt", "top.txt" }, result.ResultFiles.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.DoesNotContain("skipped:", output);
        Assert.Equal("shared content", File.ReadAllText(Path.Combine(result.ResultsDirectory!, "top.txt")));
        Assert.Equal("shared content", File.ReadAllText(Path.Combine(result.ResultsDirectory!, "sub", "second-name.txt")));
        if (!OperatingSystem.IsWindows())
        {
            // Windows files have no executable bit to keep.
            Assert.True((File.GetUnixFileMode(Path.Combine(result.ResultsDirectory!, "run.sh")) & UnixFileMode.UserExecute) != 0);
            Assert.True((File.GetUnixFileMode(Path.Combine(result.ResultsDirectory!, "top.txt")) & UnixFileMode.UserExecute) == 0);
        }
    }

    [DockerFact]
    public async Task The_summary_json_describes_the_run()
    {
        using TestApp app = TestApp.CopyOfSample("hello-world-current");

        (RunResult result, string output) = await Runner.RunAsync(app.Options());

        Assert.True(result.ExitCode == 0, output);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.RunDirectory!, "summary.json")));
        JsonElement root = summary.RootElement;
        Assert.Equal(result.RunId, root.GetProperty("runId").GetString());
        Assert.Equal("hello-world-current", root.GetProperty("app").GetString());
        Assert.Equal("current", root.GetProperty("dialect").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(1, root.GetProperty("limits").GetProperty("cpus").GetInt32());
        Assert.Equal(1, root.GetProperty("limits").GetProperty("memoryGiB").GetInt32());
        Assert.Equal("results/hello_world.txt", root.GetProperty("results")[0].GetProperty("path").GetString());
    }
}
