using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ByteNite.Sdk.Analyzers.CodeFixes;

/// <summary>
/// BN2031 (a number literal outside <c>minimum</c>/<c>maximum</c> of schema.json): replaces the literal with the nearest
/// valid value, which the analyzer computes for the property's type and passes in the diagnostic's properties. Offered
/// only for inclusive bounds; an exclusive bound has no nearest value, and a string that is too long has no obvious fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NearestBoundCodeFix)), Shared]
public sealed class NearestBoundCodeFix : CodeFixProvider
{
    /// <summary>ParamsConstraintAnalyzer's code for a number out of range (DiagnosticCatalog.ParamsNumberOutOfRange).</summary>
    public const string DiagnosticId = "BN2031";

    /// <summary>ParamsConstraintAnalyzer.ReplacementKey.</summary>
    public const string ReplacementKey = "Replacement";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ReplacementKey, out string? replacement) || replacement is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax literal)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + replacement + ", the nearest value schema.json allows",
                    cancellation => ReplaceAsync(context.Document, root, literal, replacement, cancellation),
                    equivalenceKey: nameof(NearestBoundCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> ReplaceAsync(Document document, SyntaxNode root, ExpressionSyntax literal, string replacement, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        ExpressionSyntax value = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(literal);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, value)));
    }
}
