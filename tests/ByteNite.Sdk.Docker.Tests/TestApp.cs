using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner;
using ByteNite.Sdk.LocalRunner.Running;
using ByteNite.Sdk.Model.Diagnostics;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>A small app folder written by a test, removed afterwards (with its run folders).</summary>
internal sealed class TestApp : IDisposable
{
    public const string DefaultRequirements = "{ \"min_cpu\": 1, \"min_memory\": 1 }";

    /// <summary>The seed dialect's main.py, as the hello-world sample has it: calls runner.run(TASK_DIR, params, metadata).</summary>
    public const string SeedMain = """
        import json
        import os

        import runner

        basepath = os.environ['TASK_DIR']
        params = json.loads(os.environ.get('APP_PARAMS') or '{}')
        runner.run(basepath, params, {'data_type': 'text/plain'})
        """;

    private TestApp(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string OutputDirectory => System.IO.Path.Combine(Path, "out");

    public static string RepositoryRoot { get; } =
        typeof(TestApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>A current-dialect app: name, version "0.1", app/main.py.</summary>
    public static TestApp Current(string mainPy, string? deviceRequirements = DefaultRequirements, string image = DockerRequirement.TestImage, string platformConfigExtra = "")
    {
        var app = new TestApp(NewFolder());
        app.Write("manifest.json", Manifest("\"name\": \"test-app\"", "0.1", image, platformConfigExtra, deviceRequirements));
        app.Write("app/main.py", mainPy);
        return app;
    }

    /// <summary>A seed-dialect app: id, version "0.1.rev0", app/runner.py with run(basepath, params, metadata), and the sample's kind of main.py.</summary>
    public static TestApp Seed(string runnerPy, string? deviceRequirements = DefaultRequirements)
    {
        var app = new TestApp(NewFolder());
        app.Write("manifest.json", Manifest("\"id\": \"test-seed-app\"", "0.1.rev0", DockerRequirement.TestImage, string.Empty, deviceRequirements));
        app.Write("app/main.py", SeedMain);
        app.Write("app/runner.py", runnerPy);
        return app;
    }

    /// <summary>A copy of a sample folder of the repository (so its bin/ is not touched).</summary>
    public static TestApp CopyOfSample(string sample)
    {
        var app = new TestApp(NewFolder());
        string source = System.IO.Path.Combine(RepositoryRoot, "samples", sample);
        foreach (string file in new[] { "manifest.json", "schema.json", "template.json" }.Select(f => System.IO.Path.Combine(source, f)).Where(File.Exists))
        {
            File.Copy(file, System.IO.Path.Combine(app.Path, System.IO.Path.GetFileName(file)));
        }

        foreach (string folder in new[] { "app", "sample" })
        {
            foreach (string file in Directory.EnumerateFiles(System.IO.Path.Combine(source, folder), "*", SearchOption.AllDirectories).Where(f => !f.Contains("__pycache__")))
            {
                string target = System.IO.Path.Combine(app.Path, System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return app;
    }

    public static string Manifest(string identity, string version, string image, string platformConfigExtra, string? deviceRequirements)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  " + identity + ",\n");
        text.Append("  \"version\": \"" + version + "\",\n");
        text.Append("  \"platform\": \"docker\",\n");
        text.Append("  \"entrypoint\": \"main.py\",\n");
        text.Append("  \"platform_config\": {\n");
        text.Append("    \"container\": \"" + image + "\"" + platformConfigExtra + "\n");
        text.Append("  }");
        if (deviceRequirements is not null)
        {
            text.Append(",\n  \"device_requirements\": " + deviceRequirements);
        }

        text.Append("\n}\n");
        return text.ToString();
    }

    public void Write(string relativePath, string content)
    {
        string path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>The one-based line of the first occurrence of <paramref name="text"/> in a file of the app.</summary>
    public int LineOf(string relativePath, string text) =>
        File.ReadAllLines(System.IO.Path.Combine(Path, relativePath)).Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    public RunOptions Options(string? runId = null) => new(Path)
    {
        OutputDirectory = OutputDirectory,
        TimeoutSeconds = 120,
        TimeoutIsExplicit = true,
        RunId = runId ?? NewRunId(),
    };

    public static string NewRunId() => "test-" + Guid.NewGuid().ToString("N").Substring(0, 12);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string NewFolder()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bytenite-docker-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>Runs the runner in this process (RunAsync) or as the real executable (dotnet ByteNite.Sdk.LocalRunner.dll).</summary>
internal static class Runner
{
    public static async Task<(RunResult Result, string Output)> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        RunResult result = await LocalRun.RunAsync(options, TextWriter.Synchronized(output), cancellationToken);
        return (result, output.ToString());
    }

    /// <summary>The runner's assembly, built next to the tests with its runtimeconfig.json.</summary>
    public static string Dll => typeof(LocalRun).Assembly.Location;

    public static RunningProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotNet, new[] { Dll }.Concat(args))
        {
            // Held open like the MSBuild task holds it; CloseInput ends it.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new RunningProcess(Process.Start(start)!);
    }

    private static string DotNet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>A started runner process whose output is collected as it comes.</summary>
    internal sealed class RunningProcess : IDisposable
    {
        private readonly StringBuilder _output = new();

        public RunningProcess(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_output) { _output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_output) { _output.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Sends a POSIX signal (TERM, INT, KILL) the way a terminal, CI or MSBuild would.</summary>
        public void Signal(string signal)
        {
            using Process kill = Process.Start(new ProcessStartInfo("kill", new[] { "-" + signal, Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }) { UseShellExecute = false })!;
            kill.WaitForExit();
        }

        /// <summary>Ends the runner's standard input, the way the MSBuild task cancels a run.</summary>
        public void CloseInput() => Process.StandardInput.Close();

        public async Task<int> WaitAsync(int seconds = 60)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            await Process.WaitForExitAsync(timeout.Token);
            Process.WaitForExit();
            return Process.ExitCode;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }
}

internal static class DiagnosticExtensions
{
    public static string[] Ids(this RunResult result) => result.Diagnostics.Select(d => d.Id).ToArray();

    public static Diagnostic Single(this RunResult result, string id) => result.Diagnostics.Single(d => d.Id == id);
}
