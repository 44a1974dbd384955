using System.Collections.Generic;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.Model.Tests;

/// <summary>Runs a rule set over JSON text and renders diagnostics as "(line,col) ID: message" for exact assertions.</summary>
internal static class Validate
{
    public static List<Diagnostic> Manifest(string json, ManifestRules.Options? options = null) =>
        Run(json, DiagnosticCatalog.ManifestJsonCodes, (file, root, list) => ManifestRules.Check(file, root, options ?? new ManifestRules.Options(), list));

    public static List<Diagnostic> Template(string json, Rules.Manifest? manifest = null) =>
        Run(json, DiagnosticCatalog.ManifestJsonCodes, (file, root, list) => TemplateRules.Check(file, root, manifest, list));

    public static List<Diagnostic> Schema(string json) =>
        Run(json, DiagnosticCatalog.SchemaJsonCodes, SchemaRules.Check);

    public static List<Diagnostic> Parse(string json) =>
        Run(json, DiagnosticCatalog.ManifestJsonCodes, (_, _, _) => { });

    public static Rules.Manifest ManifestModel(string json)
    {
        var file = new SourceFile("manifest.json", json);
        var list = new List<Diagnostic>();
        JsonNode root = JsonParser.Parse(file, DiagnosticCatalog.ManifestJsonCodes, list)!;
        return ManifestRules.Check(file, root, new ManifestRules.Options(), list);
    }

    public static string Render(Diagnostic d) => $"({d.Location.Start.Line},{d.Location.Start.Column}) {d.Id}: {d.Message}";

    public static string[] Rendered(this IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(Render).ToArray();

    public static string[] Ids(this IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.Id).ToArray();

    private static List<Diagnostic> Run(string json, JsonDiagnosticCodes codes, System.Action<SourceFile, JsonNode, List<Diagnostic>> rules)
    {
        var file = new SourceFile("test.json", json);
        var list = new List<Diagnostic>();
        JsonNode? root = JsonParser.Parse(file, codes, list);
        if (root is not null)
        {
            rules(file, root, list);
        }

        return list;
    }
}
