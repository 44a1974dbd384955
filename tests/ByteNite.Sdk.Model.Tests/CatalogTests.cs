using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ByteNite.Sdk.Model.Diagnostics;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

/// <summary>The catalogue's promises: unique codes in their band, a docs page each, and each one reachable.</summary>
public class CatalogTests
{
    private const string Current = """{ "name": "app", "version": "0.1", "platform": "docker", "entrypoint": "main.py", "platform_config": { "container": "python:3.11" } }""";
    private const string Template = """{ "id": "t", "app": "app", "partitioner": "passthrough", "assembler": "passthrough" }""";

    /// <summary>One input per code that makes the rules report it.</summary>
    private static readonly Dictionary<string, Func<IEnumerable<Diagnostic>>> Triggers = new()
    {
        ["BN0001"] = () => { using var app = new TempAppFolder(); return app.Validate().Diagnostics; },
        ["BN0002"] = () =>
        {
            using var app = TempAppFolder.SeedApp();
            using var locked = new FileStream(Path.Combine(app.Path, "manifest.json"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return app.Validate().Diagnostics;
        },
        ["BN1001"] = () => Validate.Manifest("{,}"),
        ["BN1002"] = () => Validate.Manifest("{\"a\": 1, \"a\": 2}"),
        ["BN1003"] = () => { using var app = TempAppFolder.SeedApp(); app.WriteBytes("manifest.json", new byte[] { 0xFF }); return app.Validate().Diagnostics; },
        ["BN1004"] = () => Validate.Manifest(Current.Replace("\"0.1\"", "\"1\"")),
        ["BN1005"] = () => Validate.Manifest("{}"),
        ["BN1006"] = () => Validate.Manifest(Current.Replace("\"docker\"", "1")),
        ["BN1007"] = () => Validate.Manifest(Current.Replace("\"app\"", "\"a b\"")),
        ["BN1008"] = () => Validate.Manifest(Current.Replace("\"docker\"", "\"python\"")),
        ["BN1009"] = () => Validate.Manifest(Current.Replace("python:3.11", "Python")),
        ["BN1010"] = () => Validate.Manifest(Current.Replace("python:3.11", "python")),
        ["BN1011"] = () => Validate.Manifest(Current.Replace("\"python:3.11\"", "\"python:3.11\", \"private_image\": true")),
        ["BN1012"] = () => Validate.Manifest(Current.Replace("\"python:3.11\"", "\"python:3.11\", \"token\": \"dckr_pat_x\"")),
        ["BN1013"] = () => Validate.Manifest(Current.Replace("\"python:3.11\"", "\"python:3.11\", \"secrets\": [\"a-b\"]")),
        ["BN1014"] = () => Validate.Manifest(Current.Replace("\"docker\",", "\"docker\", \"device_requirements\": { \"min_cpu\": 0 },")),
        ["BN1015"] = () => { using var app = TempAppFolder.SeedApp(); app.Delete("app/main.py"); return app.Validate().Diagnostics; },
        ["BN1016"] = () => { using var app = TempAppFolder.SeedApp(); app.Delete("app/runner.py"); return app.Validate().Diagnostics; },
        ["BN1017"] = () => Validate.Manifest(Current.Replace("\"docker\",", "\"docker\", \"type\": \"mapper\",")),
        ["BN1018"] = () => Validate.Manifest(Current.Replace("\"docker\",", "\"docker\", \"colour\": 1,")),
        ["BN1019"] = () => Validate.Manifest(Current.Replace("\"platform\"", "\"Platform\"")),
        ["BN1020"] = () => Validate.Manifest(Current.Replace("\"name\"", "\"id\"")),
        ["BN1021"] = () => Validate.Template(Template.Replace("\"app\": \"app\"", "\"app\": \"app@v1\"")),
        ["BN1022"] = () => Validate.Template(Template.Replace("\"app\": \"app\"", "\"app\": \"other\""), Validate.ManifestModel(Current)),
        ["BN1023"] = () => Validate.Template(Template.Replace("\"app\": \"app\"", "\"app\": \"app@2\""), Validate.ManifestModel(Current)),
        ["BN1024"] = () => { using var app = TempAppFolder.SeedApp(); return app.Validate("2.0.0").Diagnostics; },
        ["BN1025"] = () => Validate.Manifest(Current.Replace("\"app\"", "\"passthrough\"").Replace("\"docker\",", "\"docker\", \"type\": \"assembler\",")),
        ["BN1026"] = () => Validate.Manifest("\"manifest\""),
        ["BN1027"] = () => Validate.Manifest(Current.Replace("\"main.py\"", "\"\"")),
        ["BN1028"] = () => Validate.Manifest(Current.Replace("\"docker\",", "\"docker\", \"type\": \"app\",")),
        ["BN2001"] = () => Validate.Schema("{\"type\": }"),
        ["BN2002"] = () => Validate.Schema("{\"type\": \"object\", \"type\": \"object\"}"),
        ["BN2003"] = () => { using var app = TempAppFolder.SeedApp(); app.WriteBytes("schema.json", new byte[] { 0x7B, 0xFE, 0x7D }); return app.Validate().Diagnostics; },
        ["BN2004"] = () => Validate.Schema("{\"type\": \"str\"}"),
    };

    /// <summary>Codes whose trigger lives with their host, not in the rules.</summary>
    private static readonly string[] NotTriggeredByRules =
    {
        "BN0003", // an invalid severity in a .globalconfig: reported by the severity configuration (its own tests)
        "BN0099", // the internal-error catch-all: a test that triggers it would be a test of a bug
    };

    [Fact]
    public void Codes_are_unique_and_in_their_band()
    {
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(d => d.Id).Distinct().Count());
        foreach (DiagnosticDescriptor descriptor in DiagnosticCatalog.All)
        {
            Assert.Matches("^BN[0-4][0-9]{3}$", descriptor.Id);
            char band = descriptor.Id[2];
            string expectedBand = descriptor.Category switch
            {
                "ByteNite.Sdk" => "0",
                "ByteNite.Manifest" or "ByteNite.Template" => "1",
                "ByteNite.Schema" => "2",
                _ => "?",
            };
            Assert.True(expectedBand == band.ToString(), descriptor.Id + " is in category " + descriptor.Category);
        }
    }

    [Fact]
    public void Every_public_descriptor_is_listed_in_All()
    {
        var declared = typeof(DiagnosticCatalog).GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        Assert.Equal(declared.Select(d => d.Id).OrderBy(x => x), DiagnosticCatalog.All.Select(d => d.Id).OrderBy(x => x));
    }

    [Fact]
    public void Every_code_has_a_title_a_message_a_help_link_and_a_docs_page()
    {
        string docs = Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics");
        foreach (DiagnosticDescriptor descriptor in DiagnosticCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title), descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat), descriptor.Id);
            Assert.EndsWith("/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLink);
            string page = Path.Combine(docs, descriptor.Id + ".md");
            Assert.True(File.Exists(page), "missing docs page " + page);
            Assert.StartsWith("# " + descriptor.Id, File.ReadAllText(page));
        }
    }

    [Fact]
    public void No_docs_page_describes_a_code_that_does_not_exist()
    {
        string docs = Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics");
        var pages = Directory.EnumerateFiles(docs, "BN*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Empty(pages.Except(DiagnosticCatalog.All.Select(d => d.Id)));
    }

    [Fact]
    public void Every_code_is_triggered_by_some_input()
    {
        var untriggered = DiagnosticCatalog.All.Select(d => d.Id).Except(NotTriggeredByRules).Except(Triggers.Keys).Except(Schema.ParamsValidationTests.Triggers.Keys);
        Assert.Empty(untriggered);
    }

    public static IEnumerable<object[]> TriggerIds() => Triggers.Keys.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(TriggerIds))]
    public void Each_trigger_reports_its_code(string id)
    {
        Assert.Contains(id, Triggers[id]().Ids());
    }

    [Fact]
    public void Message_formats_have_balanced_placeholders()
    {
        foreach (DiagnosticDescriptor descriptor in DiagnosticCatalog.All)
        {
            string withoutEscapes = descriptor.MessageFormat.Replace("{{", string.Empty).Replace("}}", string.Empty);
            Assert.DoesNotMatch(new Regex(@"\{(?!\d+\})|(?<!\{\d+)\}"), withoutEscapes);
        }
    }
}
