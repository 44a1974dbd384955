using System.Collections.Generic;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>
/// Structural checks of schema.json as a JSON Schema (draft-06/07, as ByteNite uses it): the keywords that code
/// generation and params validation rely on must have the types the specification gives them.
/// </summary>
public static class SchemaRules
{
    private static readonly string[] TypeNames = { "object", "array", "string", "number", "integer", "boolean", "null" };

    private static readonly string[] SchemaMapKeywords = { "properties", "definitions", "$defs", "patternProperties", "dependencies" };

    private static readonly string[] SubschemaKeywords = { "additionalProperties", "items", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else" };

    private static readonly string[] SubschemaArrayKeywords = { "allOf", "anyOf", "oneOf" };

    public static void Check(SourceFile file, JsonNode root, List<Diagnostic> diagnostics)
    {
        var context = new RuleContext(file, diagnostics);
        if (root is not JsonObject obj)
        {
            context.Report(DiagnosticCatalog.SchemaInvalid, root.Span, "schema.json must contain a JSON Schema object '{ ... }' describing the app's parameters, but contains " + root.KindName + ".");
            return;
        }

        CheckSchema(obj, "#", context);
    }

    private static void CheckSchema(JsonNode node, string pointer, RuleContext context)
    {
        if (node is JsonBoolean)
        {
            return;
        }

        if (node is not JsonObject schema)
        {
            Report(context, node, pointer + " must be a schema (an object or a boolean), but is " + node.KindName + ".");
            return;
        }

        foreach (JsonProperty property in schema.Properties)
        {
            string at = pointer + "/" + EscapePointer(property.Name);
            switch (property.Name)
            {
                case "type":
                    CheckType(property.Value, at, context);
                    break;
                case "required":
                    CheckStringArray(property.Value, at, "property names", context);
                    break;
                case "enum":
                    if (property.Value is not JsonArray values)
                    {
                        Report(context, property.Value, at + " must be an array of the allowed values, but is " + property.Value.KindName + ".");
                    }
                    else if (values.Items.Count == 0)
                    {
                        // Valid in draft-07's meta-schema only with at least one item; an empty one allows nothing at all.
                        Report(context, property.Value, at + " must list at least one allowed value, but is empty (no value would be valid).");
                    }

                    break;
                case "uniqueItems":
                    if (property.Value is not JsonBoolean)
                    {
                        Report(context, property.Value, at + " must be true or false, but is " + Describe(property.Value) + ".");
                    }

                    break;
                case "$ref":
                case "$id":
                case "$schema":
                case "title":
                case "description":
                case "pattern":
                case "format":
                    if (property.Value is not JsonString)
                    {
                        Report(context, property.Value, at + " must be a string, but is " + property.Value.KindName + ".");
                    }

                    break;
                case "minLength":
                case "maxLength":
                case "minItems":
                case "maxItems":
                case "minProperties":
                case "maxProperties":
                    if (property.Value is not JsonNumber { IsInteger: true } n || n.RawText.StartsWith("-", System.StringComparison.Ordinal))
                    {
                        Report(context, property.Value, at + " must be a non-negative integer, but is " + Describe(property.Value) + ".");
                    }

                    break;
                case "minimum":
                case "maximum":
                case "exclusiveMinimum":
                case "exclusiveMaximum":
                case "multipleOf":
                    if (property.Value is not JsonNumber)
                    {
                        Report(context, property.Value, at + " must be a number, but is " + Describe(property.Value) + ".");
                    }

                    break;
                default:
                    CheckSubschemas(property, at, context);
                    break;
            }
        }
    }

    private static void CheckSubschemas(JsonProperty property, string at, RuleContext context)
    {
        if (System.Array.IndexOf(SchemaMapKeywords, property.Name) >= 0)
        {
            if (property.Value is not JsonObject map)
            {
                Report(context, property.Value, at + " must be an object mapping names to schemas, but is " + property.Value.KindName + ".");
                return;
            }

            foreach (JsonProperty entry in map.Properties)
            {
                // 'dependencies' may also list property names (draft-07).
                if (property.Name == "dependencies" && entry.Value is JsonArray)
                {
                    continue;
                }

                CheckSchema(entry.Value, at + "/" + EscapePointer(entry.Name), context);
            }
        }
        else if (System.Array.IndexOf(SubschemaKeywords, property.Name) >= 0)
        {
            if (property.Name == "items" && property.Value is JsonArray tuple)
            {
                CheckSchemaArray(tuple, at, context);
            }
            else
            {
                CheckSchema(property.Value, at, context);
            }
        }
        else if (System.Array.IndexOf(SubschemaArrayKeywords, property.Name) >= 0)
        {
            if (property.Value is JsonArray list && list.Items.Count > 0)
            {
                CheckSchemaArray(list, at, context);
            }
            else
            {
                Report(context, property.Value, at + " must be a non-empty array of schemas, but is " + Describe(property.Value) + ".");
            }
        }
    }

    private static void CheckSchemaArray(JsonArray list, string at, RuleContext context)
    {
        for (int i = 0; i < list.Items.Count; i++)
        {
            CheckSchema(list.Items[i], at + "/" + i, context);
        }
    }

    private static void CheckType(JsonNode value, string at, RuleContext context)
    {
        if (value is JsonString name)
        {
            CheckTypeName(name, at, context);
        }
        else if (value is JsonArray names && names.Items.Count > 0)
        {
            foreach (JsonNode item in names.Items)
            {
                if (item is JsonString itemName)
                {
                    CheckTypeName(itemName, at, context);
                }
                else
                {
                    Report(context, item, at + " lists " + item.KindName + "; list type names such as \"string\".");
                }
            }
        }
        else
        {
            Report(context, value, at + " must be a type name or a non-empty array of them (" + string.Join(", ", TypeNames) + "), but is " + Describe(value) + ".");
        }
    }

    private static void CheckTypeName(JsonString name, string at, RuleContext context)
    {
        if (System.Array.IndexOf(TypeNames, name.Value) < 0)
        {
            string hint = name.Value == "int" || name.Value == "float" || name.Value == "str" || name.Value == "dict" || name.Value == "list" || name.Value == "bool"
                ? " (that is a Python type name)"
                : string.Empty;
            Report(context, name, at + " \"" + name.Value + "\" is not a JSON Schema type" + hint + "; use one of " + string.Join(", ", TypeNames) + ".");
        }
    }

    private static void CheckStringArray(JsonNode value, string at, string what, RuleContext context)
    {
        if (value is not JsonArray list)
        {
            Report(context, value, at + " must be an array of " + what + ", but is " + value.KindName + ".");
            return;
        }

        foreach (JsonNode item in list.Items)
        {
            if (item is not JsonString)
            {
                Report(context, item, at + " must list " + what + " as strings, but has " + item.KindName + ".");
            }
        }
    }

    private static string Describe(JsonNode node) => node is JsonNumber n ? n.RawText : node.KindName;

    private static void Report(RuleContext context, JsonNode node, string message) =>
        context.Report(DiagnosticCatalog.SchemaInvalid, node.Span, message);

    private static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
