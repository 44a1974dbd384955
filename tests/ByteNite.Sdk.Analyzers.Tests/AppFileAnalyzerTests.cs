extern alias analyzer;

using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DiagnosticCatalog = ByteNite.Sdk.Model.Diagnostics.DiagnosticCatalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>What the analyzer reports on the app's files: exact spans, messages, severities and additional locations.</summary>
public sealed class AppFileAnalyzerTests
{
    private const string Manifest = "/app/manifest.json";
    private const string Template = "/app/template.json";
    private const string Schema = "/app/schema.json";

    private const string ValidManifest = """
        {
          "name": "app",
          "version": "0.1",
          "platform": "docker",
          "entrypoint": "main.py",
          "platform_config": { "container": "python:3.11" }
        }
        """;

    private const string ValidTemplate = """{ "id": "t", "app": "app", "partitioner": "passthrough", "assembler": "passthrough" }""";

    private static readonly string UnknownKeyManifest = ValidManifest.Replace("\"platform\": \"docker\",", "\"platform\": \"docker\",\n  \"colour\": \"blue\",");

    private static string Message(Model.Diagnostics.DiagnosticDescriptor descriptor, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args);

    [Fact]
    public async Task Valid_files_give_no_diagnostics()
    {
        await Verify.AnalyzerAsync(new[] { (Manifest, "manifest", ValidManifest), (Template, "template", ValidTemplate), (Schema, "schema", """{ "type": "object" }""") });
    }

    [Fact]
    public async Task Unknown_key_is_reported_at_the_key_with_the_catalogue_message_and_severity()
    {
        await Verify.AnalyzerAsync(
            new[] { (Manifest, "manifest", UnknownKeyManifest) },
            new DiagnosticResult("BN1018", RoslynSeverity.Warning)
                .WithSpan(Manifest, 5, 3, 5, 11)
                .WithMessage("Unknown key 'colour'; the platform ignores it. Remove it, or check the spelling against the documented keys: id, name, version, platform, description, entrypoint, platform_config, device_requirements, type."));
    }

    [Fact]
    public async Task Nothing_is_reported_unless_the_build_asks_for_live_diagnostics()
    {
        // Command-line builds: the build task reports, and the analyzer must not report the same problem again.
        await Verify.AnalyzerAsync(new[] { (Manifest, "manifest", UnknownKeyManifest) }, live: false);
    }

    [Fact]
    public async Task Files_the_SDK_did_not_mark_are_not_checked()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<analyzer::ByteNite.Sdk.Analyzers.AppFileAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = "class C { }",
        };
        test.TestState.AdditionalFiles.Add(("/other/manifest.json", "{ not json"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ByteNiteLiveDiagnostics = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Template_naming_another_app_points_at_the_manifest_name_too()
    {
        string template = ValidTemplate.Replace("\"app\": \"app\"", "\"app\": \"other\"");
        await Verify.AnalyzerAsync(
            new[] { (Manifest, "manifest", ValidManifest), (Template, "template", template) },
            new DiagnosticResult("BN1022", RoslynSeverity.Error)
                .WithSpan(Template, 1, 21, 1, 28)
                .WithSpan(Manifest, 2, 11, 2, 16)
                .WithMessage(Message(DiagnosticCatalog.TemplateAppMismatch, "other", "other", "app")));
    }

    [Fact]
    public async Task Template_pinning_another_version_points_at_the_manifest_version_too()
    {
        string template = ValidTemplate.Replace("\"app\": \"app\"", "\"app\": \"app@2\"");
        await Verify.AnalyzerAsync(
            new[] { (Manifest, "manifest", ValidManifest), (Template, "template", template) },
            new DiagnosticResult("BN1023", RoslynSeverity.Warning)
                .WithSpan(Template, 1, 21, 1, 28)
                .WithSpan(Manifest, 3, 14, 3, 19)
                .WithMessage(Message(DiagnosticCatalog.TemplateVersionMismatch, "app@2", "2.x", "0.1", "app@0.1")));
    }

    [Fact]
    public async Task Duplicate_key_points_at_its_first_occurrence_too()
    {
        string schema = "{\n  \"type\": \"object\",\n  \"type\": \"object\"\n}";
        await Verify.AnalyzerAsync(
            new[] { (Schema, "schema", schema) },
            new DiagnosticResult("BN2002", RoslynSeverity.Error)
                .WithSpan(Schema, 3, 3, 3, 9)
                .WithSpan(Schema, 2, 3, 2, 9)
                .WithMessage(Message(DiagnosticCatalog.SchemaDuplicateKey, "type", 2)));
    }

    [Fact]
    public async Task Syntax_error_is_reported_at_the_offending_character()
    {
        AnalyzerRun run = await AnalyzerHost.RunAsync(new[] { AppFile.Of(Manifest, "manifest", "{\n  \"name\": \"app\"\n  \"version\": \"0.1\"\n}") });

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("BN1001", diagnostic.Id);
        Assert.Equal(new LinePosition(2, 2), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(DiagnosticCatalog.InvalidJson.HelpLink, diagnostic.Descriptor.HelpLinkUri);
        Assert.Empty(run.Exceptions);
    }

    [Fact]
    public async Task Registry_token_supplied_by_the_build_changes_the_credential_rules()
    {
        string manifest = ValidManifest.Replace("\"python:3.11\" }", "\"python:3.11\", \"private_image\": true, \"username\": \"me\" }");

        AnalyzerRun without = await AnalyzerHost.RunAsync(new[] { AppFile.Of(Manifest, "manifest", manifest) });
        AnalyzerRun with = await AnalyzerHost.RunAsync(new[] { AppFile.Of(Manifest, "manifest", manifest) }, tokenSupplied: true);

        Assert.Contains("BN1011", without.Diagnostics.Select(d => d.Id));
        Assert.DoesNotContain("BN1011", with.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task Text_that_is_not_UTF8_is_reported_at_its_first_invalid_byte_like_the_build_task()
    {
        // The compiler decodes such a file with a fallback encoding; the analyzer recovers the bytes from it.
        byte[] bytes = Encoding.ASCII.GetBytes("{\n  \"name\": \"caf\u00e9\"\n}");
        bytes[bytes.Length - 4] = 0xE9; // "café" in Latin-1: invalid UTF-8
        SourceText text = SourceText.From(Encoding.Latin1.GetString(bytes), Encoding.Latin1);

        AnalyzerRun run = await AnalyzerHost.RunAsync(new[] { new AppFile(Manifest, "manifest", text) });

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("BN1003", diagnostic.Id);
        Assert.Equal(Message(DiagnosticCatalog.InvalidEncoding, "byte " + (bytes.Length - 4) + " cannot be decoded"), diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(new LinePosition(1, 14), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UTF16_text_is_reported_as_UTF16_like_the_build_task(bool byteOrderMark)
    {
        // With its byte order mark the compiler decodes the file as UTF-16; without one, as UTF-8 with a zero byte after each character.
        byte[] body = Encoding.Unicode.GetBytes(ValidManifest);
        byte[] bytes = byteOrderMark ? Encoding.Unicode.GetPreamble().Concat(body).ToArray() : body;
        SourceText text = byteOrderMark ? SourceText.From(ValidManifest, Encoding.Unicode) : SourceText.From(Encoding.UTF8.GetString(body), Encoding.UTF8);
        Model.Json.SourceFile.FromBytes("manifest.json", bytes, out string? buildTaskProblem);

        AnalyzerRun run = await AnalyzerHost.RunAsync(new[] { new AppFile(Manifest, "manifest", text) });

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("BN1003", diagnostic.Id);
        Assert.Contains(byteOrderMark ? "it is UTF-16 little-endian" : "it looks like UTF-16 little-endian", buildTaskProblem);
        Assert.Equal(Message(DiagnosticCatalog.InvalidEncoding, buildTaskProblem!), diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(new LinePosition(0, 0), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public async Task A_file_without_text_is_left_to_the_build_task()
    {
        AnalyzerRun run = await AnalyzerHost.RunAsync(new[] { new AppFile(Manifest, "manifest", null) });

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Exceptions);
    }
}
