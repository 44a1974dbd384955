using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ByteNite.Sdk.CodeGeneration.Model;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.CodeGeneration.Emitting;

/// <summary>Writes a schema <c>default</c> as a C# initialiser of the generated property's type.</summary>
internal static class DefaultValues
{
    /// <summary>The expression, or null with the reason the default does not fit the type.</summary>
    public static string? Write(ValueModel value, JsonNode node, Func<TypeModel, string> typeName, out string? problem)
    {
        problem = null;
        if (node is JsonNull)
        {
            if (value.AllowsNull || value.Kind == ValueKind.Any)
            {
                return value.Kind == ValueKind.Any && !value.AllowsNull ? AnyJson(node) : "null";
            }

            problem = "it is null, and the property does not accept null";
            return null;
        }

        switch (value.Kind)
        {
            case ValueKind.String when node is JsonString s:
                return CSharpLiterals.String(s.Value);
            case ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double when node is JsonNumber n:
                string? number = CSharpLiterals.Number(n.RawText, value.Kind);
                problem = number is null ? n.RawText + " is not " + (value.Kind == ValueKind.Double ? "a finite double" : "a whole number in the range of " + (value.Kind == ValueKind.Int32 ? "int" : "long")) : null;
                return number;
            case ValueKind.Boolean when node is JsonBoolean b:
                return b.Value ? "true" : "false";
            case ValueKind.Enum when node is JsonString s:
                var type = (EnumTypeModel)value.Type!;
                EnumMemberModel? member = type.Members.FirstOrDefault(m => m.Value == s.Value);
                problem = member is null ? "\"" + s.Value + "\" is not one of the values of 'enum'" : null;
                return member is null ? null : typeName(type) + "." + member.Name;
            case ValueKind.Any:
                return AnyJson(node);
            case ValueKind.List when node is JsonArray array:
                return Collection("global::System.Collections.Generic.List<" + TypeNames.Of(value.Element!, typeName) + ">",
                    array.Items.Select((item, i) => (Key: (string?)null, Label: "item " + i, Node: item)), value.Element!, typeName, out problem);
            case ValueKind.Map when node is JsonObject map:
                return Collection("global::System.Collections.Generic.Dictionary<string, " + TypeNames.Of(value.Element!, typeName) + ">",
                    map.Properties.Select(p => (Key: (string?)p.Name, Label: "'" + p.Name + "'", Node: p.Value)), value.Element!, typeName, out problem);
            case ValueKind.Object when node is JsonObject obj:
                return Object((ObjectTypeModel)value.Type!, obj, typeName, out problem);
            default:
                problem = "it is " + node.KindName + ", but the property is " + TypeNames.Describe(value);
                return null;
        }
    }

    private static string AnyJson(JsonNode node) =>
        "global::System.Text.Json.JsonSerializer.Deserialize<global::System.Text.Json.JsonElement>(" + CSharpLiterals.String(Reading.CompactJson.Write(node)) + ")";

    private static string? Collection(string type, IEnumerable<(string? Key, string Label, JsonNode Node)> items, ValueModel element, Func<TypeModel, string> typeName, out string? problem)
    {
        var parts = new List<string>();
        foreach ((string? key, string label, JsonNode item) in items)
        {
            string? expression = Write(element, item, typeName, out problem);
            if (expression is null)
            {
                problem = label + ": " + problem;
                return null;
            }

            parts.Add(key is null ? expression : "[" + CSharpLiterals.String(key) + "] = " + expression);
        }

        problem = null;
        return parts.Count == 0 ? "new " + type + "()" : "new " + type + " { " + string.Join(", ", parts) + " }";
    }

    private static string? Object(ObjectTypeModel type, JsonObject node, Func<TypeModel, string> typeName, out string? problem)
    {
        var parts = new List<string>();
        foreach (JsonProperty member in node.Properties)
        {
            PropertyModel? property = type.Properties.FirstOrDefault(p => p.JsonName == member.Name);
            if (property is null)
            {
                problem = "'" + member.Name + "' is not a property of " + type.Name;
                return null;
            }

            string? expression = Write(property.Value, member.Value, typeName, out problem);
            if (expression is null)
            {
                problem = "'" + member.Name + "': " + problem;
                return null;
            }

            parts.Add(property.Name + " = " + expression);
        }

        PropertyModel? missing = type.Properties.FirstOrDefault(p => p.Required && node.Find(p.JsonName) is null);
        if (missing is not null)
        {
            problem = "it lacks '" + missing.JsonName + "', which " + type.Name + " requires";
            return null;
        }

        problem = null;
        return parts.Count == 0 ? "new " + typeName(type) + "()" : "new " + typeName(type) + " { " + string.Join(", ", parts) + " }";
    }
}

/// <summary>The C# type of a value.</summary>
internal static class TypeNames
{
    public static string Of(ValueModel value, Func<TypeModel, string> typeName)
    {
        string name = value.Kind switch
        {
            ValueKind.String => "string",
            ValueKind.Int32 => "int",
            ValueKind.Int64 => "long",
            ValueKind.Double => "double",
            ValueKind.Boolean => "bool",
            ValueKind.Any => "global::System.Text.Json.JsonElement",
            ValueKind.List => "global::System.Collections.Generic.List<" + Of(value.Element!, typeName) + ">",
            ValueKind.Map => "global::System.Collections.Generic.Dictionary<string, " + Of(value.Element!, typeName) + ">",
            _ => typeName(value.Type!),
        };
        return value.AllowsNull ? name + "?" : name;
    }

    public static string Describe(ValueModel value) => value.Kind switch
    {
        ValueKind.String => "a string",
        ValueKind.Int32 or ValueKind.Int64 => "an integer",
        ValueKind.Double => "a number",
        ValueKind.Boolean => "a boolean",
        ValueKind.Enum => "one of the strings of 'enum'",
        ValueKind.List => "an array",
        _ => "an object",
    };
}
