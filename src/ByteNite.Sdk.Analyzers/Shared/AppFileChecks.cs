using System.Collections.Generic;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.Analyzers;

/// <summary>
/// The checks of an app's JSON files that need nothing but the files' text (no app/ folder, no project settings):
/// exactly what the analyzer reports live, and so exactly what the build task leaves to it in that mode.
/// Compiled into both the analyzer and the build task, so that the two cannot disagree about it.
/// </summary>
internal static class AppFileChecks
{
    public const string Manifest = "manifest";
    public const string Template = "template";
    public const string Schema = "schema";

    /// <summary>The kinds in the order the build task checks them (the template needs the manifest).</summary>
    public static readonly string[] Kinds = { Manifest, Template, Schema };

    public static string FileNameOf(string kind) => kind + ".json";

    public static bool IsKind(string? value) => value == Manifest || value == Template || value == Schema;

    /// <summary>Parses text decoded without a byte order mark; the diagnostics are the parser's (syntax, duplicate keys).</summary>
    public static ParsedAppFile Parse(string kind, SourceFile file)
    {
        var diagnostics = new List<Diagnostic>();
        JsonNode? root = JsonParser.Parse(file, CodesFor(kind), diagnostics);
        return new ParsedAppFile(kind, file, root, diagnostics);
    }

    /// <summary>Decodes the file's bytes as UTF-8 strictly and parses them; invalid UTF-8 is reported at its first byte.</summary>
    public static ParsedAppFile Parse(string kind, string path, byte[] bytes)
    {
        SourceFile file = SourceFile.FromBytes(path, bytes, out string? encodingProblem);
        if (encodingProblem is null)
        {
            return Parse(kind, file);
        }

        // The decoded text ends where the bytes stop being UTF-8, as in JsonParser.ParseFile.
        var diagnostics = new List<Diagnostic> { Diagnostic.Create(CodesFor(kind).Encoding, file, file.EndSpan, encodingProblem) };
        return new ParsedAppFile(kind, file, null, diagnostics);
    }

    /// <summary>The rules of the file's kind, after its parse diagnostics.</summary>
    /// <param name="manifest">For a template: the app's manifest, when there is one that parses.</param>
    /// <param name="registryTokenSupplied">For a manifest: a registry token is supplied outside the file.</param>
    public static CheckedAppFile Check(ParsedAppFile parsed, Manifest? manifest, bool registryTokenSupplied)
    {
        var diagnostics = new List<Diagnostic>(parsed.Diagnostics);
        Manifest? model = null;
        if (parsed.Root is JsonNode root)
        {
            switch (parsed.Kind)
            {
                case Manifest:
                    model = ManifestRules.Check(parsed.File, root, new ManifestRules.Options { RegistryTokenSupplied = registryTokenSupplied }, diagnostics);
                    break;
                case Template:
                    TemplateRules.Check(parsed.File, root, manifest, diagnostics);
                    break;
                case Schema:
                    SchemaRules.Check(parsed.File, root, diagnostics);
                    break;
            }
        }

        return new CheckedAppFile(diagnostics, model);
    }

    private static JsonDiagnosticCodes CodesFor(string kind) =>
        kind == Schema ? DiagnosticCatalog.SchemaJsonCodes : DiagnosticCatalog.ManifestJsonCodes;
}

internal sealed class ParsedAppFile
{
    public ParsedAppFile(string kind, SourceFile file, JsonNode? root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Kind = kind;
        File = file;
        Root = root;
        Diagnostics = diagnostics;
    }

    public string Kind { get; }

    public SourceFile File { get; }

    /// <summary>Null when the text is not one well-formed JSON value (a diagnostic says why).</summary>
    public JsonNode? Root { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}

internal sealed class CheckedAppFile
{
    public CheckedAppFile(IReadOnlyList<Diagnostic> diagnostics, Manifest? manifest)
    {
        Diagnostics = diagnostics;
        Manifest = manifest;
    }

    /// <summary>Every diagnostic of the file, parse and rules, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>For a manifest that parses: what the rules established (a template is checked against it).</summary>
    public Manifest? Manifest { get; }
}
