using System;
using System.Collections.Generic;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>
/// A JSON Schema draft-07 validator over the positional JSON model, so that every violation points at the line and
/// column of the offending value. Dependency-free (netstandard2.0) so the MSBuild tasks and the Roslyn analyzer share
/// it. <c>format</c> is an annotation (not asserted); <c>$ref</c> to other documents is followed only for documents
/// passed in (a build never fetches). docs/params-validation.md gives the test-suite results and the differences.
/// Immutable once built: one instance may validate many values, from several threads at once.
/// </summary>
public sealed class JsonSchemaValidator
{
    private readonly SchemaCompiler _compiled;

    /// <param name="schemaFile">The file the schema was parsed from (for diagnostics on the schema itself).</param>
    /// <param name="schema">The parsed schema: an object or a boolean.</param>
    /// <param name="knownDocuments">
    /// Other schema documents that <c>$ref</c> may name, by absolute URI (e.g. "http://example.com/common.json").
    /// Anything else outside this schema is reported as a <see cref="SchemaProblemKind.RemoteReference"/>.
    /// </param>
    public JsonSchemaValidator(SourceFile schemaFile, JsonNode schema, IEnumerable<KeyValuePair<string, JsonNode>>? knownDocuments = null)
    {
        SchemaFile = schemaFile ?? throw new ArgumentNullException(nameof(schemaFile));
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _compiled = SchemaCompiler.Compile(schema, knownDocuments);
    }

    public SourceFile SchemaFile { get; }

    public JsonNode Schema { get; }

    /// <summary>What in the schema cannot be checked (unresolvable or remote $ref, $ref cycles, unusable patterns).</summary>
    public IReadOnlyList<SchemaProblem> Problems => _compiled.Problems;

    /// <summary>Every violation of the schema by <paramref name="instance"/>, in the order the keywords are applied.</summary>
    public IReadOnlyList<SchemaViolation> Validate(JsonNode instance)
    {
        var violations = new List<SchemaViolation>();
        Run(instance, violations);
        return violations;
    }

    /// <summary>True when <paramref name="instance"/> satisfies the schema; stops at the first violation.</summary>
    public bool IsValid(JsonNode instance) => Run(instance, null);

    /// <summary>Checks each <c>default</c> in the schema against the schema it is written in.</summary>
    public IReadOnlyList<DefaultValueViolation> ValidateDefaults()
    {
        var result = new List<DefaultValueViolation>();
        foreach (SchemaNode node in _compiled.MainDocumentNodes)
        {
            // Draft-07 ignores keywords next to $ref, but a default written there describes the referenced schema.
            JsonNode? value = node.Default ?? (node.Ref is not null && node.Json is JsonObject obj ? obj.Find("default")?.Value : null);
            if (value is null)
            {
                continue;
            }

            var violations = new List<SchemaViolation>();
            Run(node, value, violations);
            foreach (SchemaViolation violation in violations)
            {
                result.Add(new DefaultValueViolation(value, node.KeywordLocation("default"), violation));
            }
        }

        return result;
    }

    private bool Run(JsonNode instance, List<SchemaViolation>? sink) => Run(_compiled.Root, instance, sink);

    private static bool Run(SchemaNode schema, JsonNode instance, List<SchemaViolation>? sink)
    {
        try
        {
            return new SchemaEvaluator().Evaluate(schema, instance, string.Empty, sink);
        }
        catch (Exception e) when (e is EvaluationTooDeepException || e is InsufficientExecutionStackException)
        {
            // Not a crash and not a silent pass: the value is reported as not checked.
            sink?.Clear();
            sink?.Add(new SchemaViolation(instance, SchemaEvaluator.ReportSpan(instance), string.Empty, "$ref", schema.Location,
                "the value could not be checked: the schema applies more than " + SchemaEvaluator.MaxDepth + " nested schemas to it",
                "Simplify the schema's nesting of $ref, allOf, anyOf and oneOf."));
            return false;
        }
    }
}
