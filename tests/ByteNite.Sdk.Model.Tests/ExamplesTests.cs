using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

/// <summary>
/// Every real file in ../shared/bytenite-examples gets what its README and the platform reference (§13) predict:
/// valid files only the advisory warnings (unpinned images, a literal token), broken ones the right code at the right place.
/// </summary>
public class ExamplesTests
{
    private const string CapitalisedKeys = "BN1019 Name,BN1019 Version,BN1019 Platform,BN1019 Entrypoint,BN1019 Description";

    /// <summary>File → expected "(line,col) ID" in position order. A file not listed must get no diagnostic at all.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        // Valid per the docs; ':latest' is legal but not reproducible (advisory BN1010).
        ["bytenite-docs/_history/d706e9b/examples/tutorials/image-generation-w-stable-diffusion/fanout-replica-manifest.json"] = new[] { "(9,18) BN1010" },
        ["bytenite-docs/_history/d706e9b/examples/tutorials/image-generation-w-stable-diffusion/img-gen-diffusers-manifest.json"] = new[] { "(8,18) BN1010" },
        ["bytenite-docs/_history/f1157ca/create-with-bytenite/building-blocks/apps/manifest.json"] = new[] { "(8,18) BN1010" },
        // The docs' full example writes a Docker Hub token into the manifest (BN1012).
        ["bytenite-docs/create-with-bytenite/building-blocks/apps/manifest.json"] = new[] { "(8,18) BN1010", "(11,13) BN1012" },
        ["bytenite-docs/create-with-bytenite/building-blocks/apps/platformConfig-fragment.json"] = new[] { "(2,18) BN1010", "(5,13) BN1012" },
        // §13: invalid JSON, trailing comma after the last property.
        ["bytenite-docs/create-with-bytenite/building-blocks/job-templates/template.json"] = new[] { "(6,24) BN1001" },
        ["bytenite-docs/examples/tutorials/hello-world/manifest.json"] = new[] { "(8,18) BN1010" },
        // §13: capitalised keys (accepted by the real CLI, so warnings) and an untagged image.
        ["img-gen-diffusers/_history/2102d85/img-gen-diffusers-flux-gpu/manifest.json"] = new[] { "(2,3) BN1019", "(3,3) BN1019", "(4,3) BN1019", "(6,18) BN1010", "(8,3) BN1019", "(22,3) BN1019" },
        ["img-gen-diffusers/_history/565189b/img-gen-diffusers-flux-rtx/manifest.json"] = new[] { "(2,3) BN1019", "(3,3) BN1019", "(4,3) BN1019", "(6,18) BN1010", "(8,3) BN1019", "(14,3) BN1019" },
        ["img-gen-diffusers/_history/565189b/img-gen-diffusers-notaai-cpu/manifest.json"] = new[] { "(8,18) BN1010" },
        ["img-gen-diffusers/_history/8e32d16/img-gen-diffusers/manifest.json"] = new[] { "(8,18) BN1010" },
        ["img-gen-diffusers/_history/b5c7a81/img-gen-diffusers-flux-v1.0/manifest.json"] = new[] { "(2,3) BN1019", "(3,3) BN1019", "(4,3) BN1019", "(6,18) BN1010", "(8,3) BN1019", "(14,3) BN1019" },
        ["img-gen-diffusers/_history/e4db613/img-gen-diffusers-flux-gpu/manifest.json"] = new[] { "(2,3) BN1019", "(3,3) BN1019", "(4,3) BN1019", "(6,18) BN1010", "(8,3) BN1019", "(22,3) BN1019" },
        ["img-gen-diffusers/fanout-replica/manifest.json"] = new[] { "(9,18) BN1010" },
        ["img-gen-diffusers/img-gen-diffusers-flux-gpu/manifest.json"] = new[] { "(2,3) BN1019", "(3,3) BN1019", "(4,3) BN1019", "(6,18) BN1010", "(8,3) BN1019", "(14,3) BN1019" },
        ["img-gen-diffusers/img-gen-diffusers-notaai-cpu/manifest.json"] = new[] { "(8,18) BN1010" },
        ["img-gen-diffusers/zipper/manifest.json"] = new[] { "(9,18) BN1010" },
        // §13: questionable: "type": "app" on an app, and the undocumented platform_config.requirements.
        ["web-scraper/_history/12c9ce2/scraper-engine/manifest.json"] = new[] { "(4,11) BN1028", "(10,5) BN1018" },
        ["web-scraper/_history/d744aa5/scraper-engine/manifest.json"] = new[] { "(4,11) BN1028", "(10,5) BN1018" },
        ["web-scraper/scraper-engine/manifest.json"] = new[] { "(4,11) BN1028" },
        // §13: non-standard template key default_params.
        ["web-scraper/_history/b118d89/templates/web-scraper-simple-template.json"] = new[] { "(7,3) BN1018" },
        ["web-scraper/templates/web-scraper-simple-template.json"] = new[] { "(7,3) BN1018" },
        ["web-scraper/_history/d744aa5/data-assembler/manifest.json"] = new[] { "(9,18) BN1010" },
        ["web-scraper/_history/d744aa5/fanout-urls/manifest.json"] = new[] { "(9,18) BN1010" },
        ["web-scraper/data-assembler/manifest.json"] = new[] { "(9,18) BN1010" },
        ["web-scraper/fanout-urls/manifest.json"] = new[] { "(9,18) BN1010" },
    };

    public static IEnumerable<object[]> Files() => ExampleFiles.All().Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_example_gets_the_predicted_diagnostics(string relativePath)
    {
        Assert.NotEqual("unknown", ExampleFiles.KindOf(relativePath));
        string[] actual = ExampleFiles.Check(relativePath)
            .Select(d => $"({d.Location.Start.Line},{d.Location.Start.Column}) {d.Id}")
            .ToArray();
        Assert.Equal(Expected.TryGetValue(relativePath, out string[]? expected) ? expected : new string[0], actual);
    }

    [Fact]
    public void The_expectations_name_only_files_that_exist()
    {
        Assert.Empty(Expected.Keys.Except(ExampleFiles.All()));
        Assert.True(ExampleFiles.All().Count() >= 60);
    }

    [Fact]
    public void Capitalised_keys_still_count_so_the_manifest_is_usable()
    {
        Manifest manifest = ManifestOf("img-gen-diffusers/img-gen-diffusers-flux-gpu/manifest.json");
        Assert.Equal("img-gen-diffusers-flux-gpu", manifest.Name);
        Assert.Equal("1.0.0", manifest.Version!.NuGetVersion);
        Assert.Equal(ManifestDialect.Current, manifest.Dialect);
        Assert.Equal(CapitalisedKeys.Split(',').Length, ExampleFiles.Check("img-gen-diffusers/img-gen-diffusers-flux-gpu/manifest.json").Count(d => d.Id == "BN1019"));
    }

    [Theory]
    // Consistent pairs, as they were committed together.
    [InlineData("img-gen-diffusers/_history/8e32d16/img-gen-diffusers/manifest.json", "img-gen-diffusers/_history/8e32d16/img-gen-diffusers/template.json", "")]
    [InlineData("img-gen-diffusers/_history/b5c7a81/img-gen-diffusers-flux-v1.0/manifest.json", "img-gen-diffusers/_history/b5c7a81/img-gen-diffusers-flux-v1.0/template.json", "")]
    [InlineData("llm-serving/_history/59de97c/llama4-app-cpu/manifest.json", "llm-serving/_history/59de97c/llama4-app-cpu/template.json", "")]
    [InlineData("llm-serving/_history/59de97c/llma4-app-gpu/manifest.json", "llm-serving/_history/59de97c/llma4-app-gpu/template.json", "")]
    [InlineData("llm-serving/llama4-app-cpu/manifest.json", "llm-serving/templates/llama4-app-cpu-template.json", "")]
    [InlineData("llm-serving/llama4-app-gpu/manifest.json", "llm-serving/templates/llama4-app-gpu-template.json", "")]
    [InlineData("img-gen-diffusers/img-gen-diffusers-notaai-cpu/manifest.json", "img-gen-diffusers/templates/img-gen-diffusers-notaai-cpu-template.json", "")]
    [InlineData("img-gen-diffusers/img-gen-diffusers-flux-gpu/manifest.json", "img-gen-diffusers/templates/img-gen-diffusers-flux-gpu-template.json", "")]
    [InlineData("bytenite-docs/examples/tutorials/hello-world/manifest.json", "bytenite-docs/examples/tutorials/hello-world/template.json", "")]
    // §13: the app was named img-gen-diffusers while its template ran img-gen-diffusers-notaai-cpu (fixed in d534dfe).
    [InlineData("img-gen-diffusers/_history/565189b/img-gen-diffusers-notaai-cpu/manifest.json", "img-gen-diffusers/_history/565189b/templates/img-gen-diffusers-notaai-cpu-template.json", "(4,10) BN1022")]
    // §13: the flux-rtx template (byte-identical to b5c7a81's) still pointed at img-gen-diffusers-flux.
    [InlineData("img-gen-diffusers/_history/565189b/img-gen-diffusers-flux-rtx/manifest.json", "img-gen-diffusers/_history/b5c7a81/img-gen-diffusers-flux-v1.0/template.json", "(4,10) BN1022")]
    public void Templates_are_checked_against_their_app_manifest(string manifestPath, string templatePath, string expected)
    {
        Manifest manifest = ManifestOf(manifestPath);
        var diagnostics = new List<Diagnostic>();
        JsonNode template = JsonParser.ParseFile(Path.Combine(TestPaths.Examples, templatePath), DiagnosticCatalog.ManifestJsonCodes, diagnostics, out SourceFile file)!;
        TemplateRules.Check(file, template, manifest, diagnostics);

        string[] actual = diagnostics.Where(d => d.Id is "BN1022" or "BN1023").Select(d => $"({d.Location.Start.Line},{d.Location.Start.Column}) {d.Id}").ToArray();
        Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected }, actual);
    }

    private static Manifest ManifestOf(string relativePath)
    {
        var diagnostics = new List<Diagnostic>();
        JsonNode root = JsonParser.ParseFile(Path.Combine(TestPaths.Examples, relativePath), DiagnosticCatalog.ManifestJsonCodes, diagnostics, out SourceFile file)!;
        return ManifestRules.Check(file, root, new ManifestRules.Options(), diagnostics);
    }
}
