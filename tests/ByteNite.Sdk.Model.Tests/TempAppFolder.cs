using System;
using System.IO;
using System.Text;

namespace ByteNite.Sdk.Model.Tests;

/// <summary>A throw-away app folder on disk for the checks that look at files (entrypoint, runner.py).</summary>
internal sealed class TempAppFolder : IDisposable
{
    public const string SeedManifest = """
        {
          "id": "hello-world",
          "version": "0.4.rev2",
          "platform": "docker",
          "entrypoint": "main.py",
          "platform_config": { "container": "python:3.11-slim" }
        }
        """;

    public const string Runner = "def run(basepath, params, metadata):\n    pass\n";

    public TempAppFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bn-model-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "app"));
    }

    public string Path { get; }

    public static TempAppFolder SeedApp()
    {
        var folder = new TempAppFolder();
        folder.Write("manifest.json", SeedManifest);
        folder.Write("app/main.py", "import runner\n");
        folder.Write("app/runner.py", Runner);
        return folder;
    }

    public TempAppFolder Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public TempAppFolder WriteBytes(string relativePath, byte[] bytes)
    {
        string full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    public AppFolderValidationResult Validate(string? projectVersion = null) =>
        AppFolderValidator.Validate(new AppFolderValidationOptions(Path) { ProjectVersion = projectVersion });

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
