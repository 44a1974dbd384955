using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ByteNite.Sdk.CodeGeneration.Emitting;
using ByteNite.Sdk.CodeGeneration.Model;
using ByteNite.Sdk.CodeGeneration.Reading;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using NJsonSchema;

namespace ByteNite.Sdk.CodeGeneration;

/// <summary>
/// Turns an app's schema.json into one C# file of params types (System.Text.Json, <c>required</c> members, defaults,
/// exact enum strings, <c>Validate()</c>). A pure function of its inputs: no file system, no network, no MSBuild, so the
/// MSBuild task that writes the file under obj/ stays a thin adapter (see <see cref="GeneratedFile"/>).
/// </summary>
public static class ParamsCodeGenerator
{
    /// <summary>Generates the params types for <paramref name="schemaFile"/> (its path is used in diagnostics only).</summary>
    public static ParamsCodeGeneratorResult Generate(SourceFile schemaFile, ParamsCodeGeneratorOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            string? code = GenerateCore(schemaFile, options, diagnostics);
            return new ParamsCodeGeneratorResult(code, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.InternalError, schemaFile.Path, "generating C# from schema.json: " + e.GetType().Name + ": " + e.Message));
            return new ParamsCodeGeneratorResult(null, diagnostics);
        }
    }

    /// <summary>
    /// The <c>$ref</c>s that generation reports as BN2021 (not found, in another document, a cycle), found without
    /// generating: validation reads the same references and leaves these to the generator, so each is reported once.
    /// Empty when the schema is not JSON or breaks the schema rules (then generation reports no <c>$ref</c> either).
    /// </summary>
    public static IReadOnlyList<Diagnostic> FindUnfollowableReferences(SourceFile schemaFile)
    {
        var diagnostics = new List<Diagnostic>();
        if (JsonParser.Parse(schemaFile, DiagnosticCatalog.SchemaJsonCodes, diagnostics) is JsonNode root && !StopsGeneration(schemaFile, root, diagnostics))
        {
            SchemaDocument.Load(schemaFile, (JsonObject)root, diagnostics);
        }

        return diagnostics.Where(d => d.Descriptor == DiagnosticCatalog.CodeGenUnsupportedRef).ToList();
    }

    /// <summary>
    /// The root type name for an app or project name: "hello-world" → "HelloWorldParams", "img_gen" → "ImgGenParams".
    /// MSBuild passes the project's name, so the type reads like the project ("HelloWorld.csproj" → HelloWorldParams).
    /// </summary>
    public static string DefaultRootTypeName(string appName) => CSharpNames.ToPascalCase(appName, "App") + "Params";

    /// <summary>The namespace for a project's RootNamespace: "hello-world" → "hello_world" (see <see cref="CSharpNames.ToNamespace"/>).</summary>
    public static string DefaultNamespace(string rootNamespace) => CSharpNames.ToNamespace(rootNamespace);

    private static string? GenerateCore(SourceFile schemaFile, ParamsCodeGeneratorOptions options, List<Diagnostic> diagnostics)
    {
        if (!CheckOptions(schemaFile, options, diagnostics))
        {
            return null;
        }

        JsonNode? root = JsonParser.Parse(schemaFile, DiagnosticCatalog.SchemaJsonCodes, diagnostics);
        if (root is null)
        {
            return null;
        }

        if (StopsGeneration(schemaFile, root, diagnostics))
        {
            return null;
        }

        var document = SchemaDocument.Load(schemaFile, (JsonObject)root, diagnostics);
        JsonSchema schema = ReadWithNJsonSchema(document.ToNJsonSchemaText());
        ParamsModel? model = ParamsModelBuilder.Build(document, schema, options, diagnostics);
        return model is null ? null : CSharpEmitter.Emit(model);
    }

    /// <summary>
    /// Checks the schema rules; true for a schema that is not one (BN2004), or one whose duplicate keys make its meaning
    /// depend on the reader (BN2002): nothing is generated from those.
    /// </summary>
    private static bool StopsGeneration(SourceFile schemaFile, JsonNode root, List<Diagnostic> diagnostics)
    {
        int before = diagnostics.Count;
        SchemaRules.Check(schemaFile, root, diagnostics);
        return diagnostics.Skip(before).Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            || diagnostics.Any(d => d.Id == DiagnosticCatalog.SchemaDuplicateKey.Id);
    }

    private static bool CheckOptions(SourceFile schemaFile, ParamsCodeGeneratorOptions options, List<Diagnostic> diagnostics)
    {
        bool ok = true;
        if (!CSharpNames.IsValidNamespace(options.Namespace))
        {
            diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.CodeGenInvalidName, schemaFile.Path,
                "The namespace \"" + options.Namespace + "\"", "namespace", "each dot-separated part must be an identifier; set RootNamespace (or ByteNiteParamsNamespace) to one"));
            ok = false;
        }

        if (!CSharpNames.IsValidIdentifier(options.RootTypeName))
        {
            diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.CodeGenInvalidName, schemaFile.Path,
                "The root type name \"" + options.RootTypeName + "\"", "type name", "it must be an identifier such as HelloWorldParams; set ByteNiteParamsTypeName to one"));
            ok = false;
        }

        return ok;
    }

    /// <summary>
    /// NJsonSchema's reader is asynchronous; the text it gets has only local references, so nothing is awaited on I/O.
    /// Blocking is safe in an MSBuild task (no SynchronizationContext); the context is cleared anyway, so that a host
    /// with one (an IDE) cannot deadlock on a continuation posted back to a blocked thread.
    /// </summary>
    private static JsonSchema ReadWithNJsonSchema(string json)
    {
        SynchronizationContext? context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return JsonSchema.FromJsonAsync(json, documentPath: null, schema => new OfflineReferenceResolver(schema)).GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>Refuses to load files or URLs: external references are reported before NJsonSchema sees the schema.</summary>
    private sealed class OfflineReferenceResolver : JsonReferenceResolver
    {
        public OfflineReferenceResolver(JsonSchema schema)
            : base(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))
        {
        }

        public override System.Threading.Tasks.Task<NJsonSchema.References.IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("schema.json may not refer to other files: " + filePath);

        public override System.Threading.Tasks.Task<NJsonSchema.References.IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("schema.json may not refer to URLs: " + url);
    }
}
