namespace ByteNite.Sdk.CodeGeneration.Reading;

/// <summary>Where JSON Schema (draft-06/07) nests subschemas, so that every walk of a schema visits the same places.</summary>
internal static class SchemaKeywords
{
    /// <summary>Objects whose values are schemas.</summary>
    public static readonly string[] SchemaMaps = { "properties", "definitions", "$defs", "patternProperties", "dependencies" };

    /// <summary>Keywords whose value is one schema ("items" may also be an array of schemas).</summary>
    public static readonly string[] SingleSchemas = { "items", "additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else" };

    /// <summary>Keywords whose value is an array of schemas.</summary>
    public static readonly string[] SchemaArrays = { "allOf", "anyOf", "oneOf" };

    public static bool IsOneOf(string name, string[] keywords) => System.Array.IndexOf(keywords, name) >= 0;

    public static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
