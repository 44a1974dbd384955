using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.Model.Tests;

/// <summary>How each file of ../shared/bytenite-examples is checked: by what it is (see its README).</summary>
internal static class ExampleFiles
{
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(TestPaths.Examples, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestPaths.Examples, p).Replace('\\', '/'))
            .OrderBy(p => p, System.StringComparer.Ordinal);

    public static string KindOf(string relativePath)
    {
        string name = Path.GetFileName(relativePath);
        return name switch
        {
            "deviceRequirements-fragment.json" => "device_requirements",
            "platformConfig-fragment.json" or "platformConfig-no-secrets.json" or "platformConfig-with-secrets.json" => "platform_config",
            "schema.json" => "schema",
            "urls.json" or "simple_job.json" or "test_job.json" or "cpu-job-submission.json" or "gpu-job-submission.json" => "data",
            _ when name.EndsWith("manifest.json", System.StringComparison.Ordinal) => "manifest",
            _ when name.Contains("template") => "template",
            _ => "unknown",
        };
    }

    /// <summary>Checks a file alone (no app folder on disk), as the rule set for its kind.</summary>
    public static List<Diagnostic> Check(string relativePath)
    {
        string kind = KindOf(relativePath);
        string path = Path.Combine(TestPaths.Examples, relativePath);
        var diagnostics = new List<Diagnostic>();
        JsonDiagnosticCodes codes = kind == "schema" ? DiagnosticCatalog.SchemaJsonCodes : DiagnosticCatalog.ManifestJsonCodes;
        JsonNode? root = JsonParser.ParseFile(path, codes, diagnostics, out SourceFile file);
        if (root is null)
        {
            return diagnostics;
        }

        switch (kind)
        {
            case "manifest":
                ManifestRules.Check(file, root, new ManifestRules.Options(), diagnostics);
                break;
            case "template":
                TemplateRules.Check(file, root, null, diagnostics);
                break;
            case "schema":
                SchemaRules.Check(file, root, diagnostics);
                break;
            case "platform_config":
                ManifestRules.CheckPlatformConfig(file, (JsonObject)root, diagnostics);
                break;
            case "device_requirements":
                ManifestRules.CheckDeviceRequirements(file, (JsonObject)root, diagnostics);
                break;
        }

        return diagnostics.OrderBy(d => d.Span.Start).ToList();
    }
}
