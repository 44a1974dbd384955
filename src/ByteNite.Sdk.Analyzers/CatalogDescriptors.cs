using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ByteNite.Sdk.Model.Diagnostics;
using Microsoft.CodeAnalysis;
using CatalogDescriptor = ByteNite.Sdk.Model.Diagnostics.DiagnosticDescriptor;
using CatalogSeverity = ByteNite.Sdk.Model.Diagnostics.DiagnosticSeverity;

namespace ByteNite.Sdk.Analyzers;

/// <summary>The rule catalogue as Roslyn descriptors: same ID, title, message format, category, default severity and help link.</summary>
internal static class CatalogDescriptors
{
    private static readonly Dictionary<string, Pair> ById = Create();

    /// <summary>What the analyzer declares: every code of the catalogue, so each one can be configured like any Roslyn rule.</summary>
    public static ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> All { get; } = CreateAll();

    /// <summary>
    /// The descriptor to report a catalogue diagnostic with. The model formats its messages itself (the rules know the
    /// arguments), so the reporting descriptor differs from the declared one only in its message format, "{0}".
    /// </summary>
    public static Microsoft.CodeAnalysis.DiagnosticDescriptor ForReporting(CatalogDescriptor descriptor) =>
        ById.TryGetValue(descriptor.Id, out Pair pair) ? pair.Reporting : Convert(descriptor, "{0}");

    /// <summary>The declared descriptor, with the catalogue's own message format, for analyzers that format with Roslyn.</summary>
    public static Microsoft.CodeAnalysis.DiagnosticDescriptor Declared(CatalogDescriptor descriptor) => ById[descriptor.Id].Declared;

    public static Microsoft.CodeAnalysis.DiagnosticSeverity ToRoslyn(CatalogSeverity severity) => severity switch
    {
        CatalogSeverity.Error => Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
        CatalogSeverity.Warning => Microsoft.CodeAnalysis.DiagnosticSeverity.Warning,
        CatalogSeverity.Info => Microsoft.CodeAnalysis.DiagnosticSeverity.Info,
        _ => Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden,
    };

    private static Dictionary<string, Pair> Create()
    {
        var byId = new Dictionary<string, Pair>(StringComparer.Ordinal);
        foreach (CatalogDescriptor descriptor in DiagnosticCatalog.All)
        {
            byId[descriptor.Id] = new Pair(Convert(descriptor, descriptor.MessageFormat), Convert(descriptor, "{0}"));
        }

        return byId;
    }

    private static ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> CreateAll()
    {
        ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor>.Builder all = ImmutableArray.CreateBuilder<Microsoft.CodeAnalysis.DiagnosticDescriptor>();
        foreach (CatalogDescriptor descriptor in DiagnosticCatalog.All)
        {
            all.Add(ById[descriptor.Id].Declared);
        }

        return all.ToImmutable();
    }

    private static Microsoft.CodeAnalysis.DiagnosticDescriptor Convert(CatalogDescriptor descriptor, string messageFormat) =>
        new(descriptor.Id, descriptor.Title, messageFormat, descriptor.Category, ToRoslyn(descriptor.DefaultSeverity),
            isEnabledByDefault: true, description: null, helpLinkUri: descriptor.HelpLink);

    private readonly struct Pair
    {
        public Pair(Microsoft.CodeAnalysis.DiagnosticDescriptor declared, Microsoft.CodeAnalysis.DiagnosticDescriptor reporting)
        {
            Declared = declared;
            Reporting = reporting;
        }

        public Microsoft.CodeAnalysis.DiagnosticDescriptor Declared { get; }

        public Microsoft.CodeAnalysis.DiagnosticDescriptor Reporting { get; }
    }
}
