using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using ByteNite.Sdk.Model;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.Benchmarks;

/// <summary>The cost of checking a typical manifest: the docs' full example, with credentials, secrets and GPUs.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    internal const string TypicalManifest = """
        {
          "name": "my-first-stable-diffusion-app",
          "version": "0.4",
          "description": "A stable diffusion app using HuggingFace's diffusers",
          "platform": "docker",
          "entrypoint": "main.py",
          "platform_config": {
            "container": "huggingface/diffusers-pytorch-cuda:1.2",
            "private_image": true,
            "username": "alex_rivers6241",
            "secrets": ["MY_GCS_SECRET"]
          },
          "device_requirements": {
            "min_cpu": 2,
            "min_memory": 2,
            "gpu": ["NVIDIA A100-SXM4-40GB", "NVIDIA GeForce RTX 4090"]
          }
        }
        """;

    private readonly ManifestRules.Options _options = new() { RegistryTokenSupplied = true };
    private string _appDirectory = string.Empty;

    [GlobalSetup]
    public void CreateAppFolder()
    {
        _appDirectory = Path.Combine(Path.GetTempPath(), "bn-bench-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_appDirectory, "app"));
        File.WriteAllText(Path.Combine(_appDirectory, "manifest.json"), TypicalManifest);
        File.WriteAllText(Path.Combine(_appDirectory, "app", "main.py"), "print('hello')\n");
    }

    [GlobalCleanup]
    public void DeleteAppFolder() => Directory.Delete(_appDirectory, recursive: true);

    /// <summary>Parse and rules on text already in memory: what an analyzer pays per edit.</summary>
    [Benchmark(Baseline = true)]
    public int ParseAndCheckManifestText()
    {
        var diagnostics = new List<Diagnostic>();
        var file = new SourceFile("manifest.json", TypicalManifest);
        JsonNode root = JsonParser.Parse(file, DiagnosticCatalog.ManifestJsonCodes, diagnostics)!;
        ManifestRules.Check(file, root, _options, diagnostics);
        return diagnostics.Count;
    }

    /// <summary>The whole folder from disk, as the build task runs it.</summary>
    [Benchmark]
    public int ValidateAppFolderFromDisk() =>
        AppFolderValidator.Validate(new AppFolderValidationOptions(_appDirectory) { RegistryTokenSupplied = true }).Diagnostics.Count;
}
