extern alias analyzer;

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using analyzer::ByteNite.Sdk.Analyzers;
using Microsoft.CodeAnalysis;
using Xunit;
using Catalog = ByteNite.Sdk.Model.Diagnostics.DiagnosticCatalog;
using CatalogSeverity = ByteNite.Sdk.Model.Diagnostics.DiagnosticSeverity;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>
/// The analyzer's side of the catalogue's promises (the model's tests check the catalogue itself): every descriptor it
/// declares is a catalogue entry with the same title, message, category, severity and help link, and what it reports
/// carries them too. Checked against the model assembly, not against the analyzer's compiled-in copy of it.
/// </summary>
public sealed class CatalogTests
{
    private static DiagnosticSeverity ToRoslyn(CatalogSeverity severity) => severity switch
    {
        CatalogSeverity.Error => DiagnosticSeverity.Error,
        CatalogSeverity.Warning => DiagnosticSeverity.Warning,
        CatalogSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    [Fact]
    public void Every_declared_descriptor_is_a_catalogue_entry_with_the_same_details()
    {
        Dictionary<string, Model.Diagnostics.DiagnosticDescriptor> catalogue = Catalog.All.ToDictionary(d => d.Id);

        foreach (DiagnosticDescriptor descriptor in new AppFileAnalyzer().SupportedDiagnostics)
        {
            Assert.True(catalogue.TryGetValue(descriptor.Id, out Model.Diagnostics.DiagnosticDescriptor? entry), descriptor.Id + " is not in the catalogue");
            Assert.Equal(entry!.Title, descriptor.Title.ToString());
            Assert.Equal(entry.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(entry.Category, descriptor.Category);
            Assert.Equal(ToRoslyn(entry.DefaultSeverity), descriptor.DefaultSeverity);
            Assert.Equal(entry.HelpLink, descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
        }
    }

    [Fact]
    public void Every_catalogue_entry_is_declared_so_that_it_can_be_configured_like_a_roslyn_rule()
    {
        Assert.Equal(
            Catalog.All.Select(d => d.Id).OrderBy(x => x),
            new AppFileAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(x => x));
    }

    [Fact]
    public async Task Reported_diagnostics_carry_the_catalogue_details()
    {
        AnalyzerRun run = await AnalyzerHost.RunAsync(new[] { AppFile.Of("/app/manifest.json", "manifest", "{ \"colour\": 1 }") });

        Assert.NotEmpty(run.Diagnostics);
        foreach (Diagnostic diagnostic in run.Diagnostics)
        {
            Model.Diagnostics.DiagnosticDescriptor entry = Catalog.All.Single(d => d.Id == diagnostic.Id);
            Assert.Equal(entry.Title, diagnostic.Descriptor.Title.ToString());
            Assert.Equal(entry.Category, diagnostic.Descriptor.Category);
            Assert.Equal(entry.HelpLink, diagnostic.Descriptor.HelpLinkUri);
            Assert.Equal(ToRoslyn(entry.DefaultSeverity), diagnostic.Severity);
        }
    }
}
