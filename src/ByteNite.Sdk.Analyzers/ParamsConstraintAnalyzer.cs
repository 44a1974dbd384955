using System;
using System.Collections.Immutable;
using System.Globalization;
using DiagnosticCatalog = ByteNite.Sdk.Model.Diagnostics.DiagnosticCatalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ByteNite.Sdk.Analyzers;

/// <summary>
/// Constant values assigned to properties of the generated params types that schema.json rejects: a string literal
/// outside <c>minLength</c>/<c>maxLength</c> (counted in Unicode code points, as the schema counts), a number outside
/// <c>minimum</c>/<c>maximum</c>/<c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>. The generator writes those keywords on
/// each property as <c>SchemaConstraintAttribute</c> (internal, in the params namespace), which is found by name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParamsConstraintAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The name of the attribute the params code generator writes (CSharpEmitter.ConstraintAttribute).</summary>
    public const string AttributeName = "SchemaConstraintAttribute";

    /// <summary>Diagnostic property: the literal that the code fix puts in place of an out-of-range number.</summary>
    public const string ReplacementKey = "Replacement";

    private static readonly DiagnosticDescriptor LengthRule = CatalogDescriptors.Declared(DiagnosticCatalog.ParamsStringLengthViolation);
    private static readonly DiagnosticDescriptor RangeRule = CatalogDescriptors.Declared(DiagnosticCatalog.ParamsNumberOutOfRange);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(LengthRule, RangeRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
        {
            return;
        }

        AttributeData? attribute = null;
        foreach (AttributeData candidate in property.GetAttributes())
        {
            if (candidate.AttributeClass is { Name: AttributeName })
            {
                attribute = candidate;
                break;
            }
        }

        if (attribute is null)
        {
            return;
        }

        // The constant as written: through implicit conversions (int to long?, string to string?), to the literal.
        IOperation value = assignment.Value;
        while (!value.ConstantValue.HasValue && value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (!value.ConstantValue.HasValue || value.ConstantValue.Value is null)
        {
            return;
        }

        string name = property.ContainingType.Name + "." + property.Name;
        object constant = value.ConstantValue.Value;
        Location location = value.Syntax.GetLocation();
        if (constant is string text)
        {
            CheckLength(context, attribute, name, text, location);
        }
        else if (ToDecimal(constant) is { } number)
        {
            CheckRange(context, attribute, property.Type, name, number, value.Syntax.ToString(), location);
        }
    }

    private static void CheckLength(OperationAnalysisContext context, AttributeData attribute, string name, string text, Location location)
    {
        long length = ByteNite.Sdk.Model.Schema.JsonValues.CodePointLength(text); // as JSON Schema counts it: a surrogate pair is one
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Value is not long bound)
            {
                continue;
            }

            string? requirement = argument.Key switch
            {
                "MaxLength" when length > bound => "at most " + Count(bound),
                "MinLength" when length < bound => "at least " + Count(bound),
                _ => null,
            };
            if (requirement is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(LengthRule, location, name, Count(length), Keyword(argument.Key), requirement));
            }
        }
    }

    private static void CheckRange(OperationAnalysisContext context, AttributeData attribute, ITypeSymbol type, string name, decimal number, string written, Location location)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Value is not string raw
                || !decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal bound))
            {
                continue;
            }

            string? requirement = argument.Key switch
            {
                "Minimum" when number < bound => "at least " + raw,
                "Maximum" when number > bound => "at most " + raw,
                "ExclusiveMinimum" when number <= bound => "greater than " + raw,
                "ExclusiveMaximum" when number >= bound => "less than " + raw,
                _ => null,
            };
            if (requirement is null)
            {
                continue;
            }

            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
            if (Replacement(argument.Key, raw, bound, type) is { } replacement)
            {
                properties = properties.Add(ReplacementKey, replacement);
            }

            context.ReportDiagnostic(Diagnostic.Create(RangeRule, location, properties, name, written, Keyword(argument.Key), requirement));
        }
    }

    /// <summary>The nearest valid value as a C# literal of the property's type: inclusive bounds only, int, long and double.</summary>
    private static string? Replacement(string key, string raw, decimal bound, ITypeSymbol type)
    {
        if (key is not ("Minimum" or "Maximum"))
        {
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
                decimal whole = key == "Minimum" ? decimal.Ceiling(bound) : decimal.Floor(bound);
                bool fits = type.SpecialType == SpecialType.System_Int32
                    ? whole >= int.MinValue && whole <= int.MaxValue
                    : whole >= long.MinValue && whole <= long.MaxValue;
                return fits ? whole.ToString("0", CultureInfo.InvariantCulture) : null;
            case SpecialType.System_Double:
                bool integerSyntax = raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
                return integerSyntax && !long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? raw + "d" : raw;
            default:
                return null;
        }
    }

    private static decimal? ToDecimal(object constant)
    {
        try
        {
            return constant switch
            {
                int i => i,
                long l => l,
                short s => s,
                sbyte sb => sb,
                byte b => b,
                ushort us => us,
                uint ui => ui,
                ulong ul => ul,
                decimal m => m,
                double d when !double.IsNaN(d) && !double.IsInfinity(d) => (decimal)d,
                float f when !float.IsNaN(f) && !float.IsInfinity(f) => (decimal)f,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string Keyword(string argument) => char.ToLowerInvariant(argument[0]) + argument.Substring(1);

    private static string Count(long n) => n + (n == 1 ? " character" : " characters");
}
