using System.Collections.Generic;

namespace ByteNite.Sdk.CodeGeneration.Model;

/// <summary>
/// What the emitter writes: the C# types for one schema.json, already named and checked. The reader builds it from the
/// schema; the emitter never looks at JSON Schema (the parser/emitter split of the System.Text.Json source generator).
/// </summary>
internal sealed class ParamsModel
{
    public ParamsModel(string @namespace, ObjectTypeModel root)
    {
        Namespace = @namespace;
        Root = root;
    }

    /// <summary>Empty for the global namespace.</summary>
    public string Namespace { get; }

    public ObjectTypeModel Root { get; }

    /// <summary>Every generated type in emission order: the root first, then in the order the schema reaches them.</summary>
    public List<TypeModel> Types { get; } = new();
}

internal abstract class TypeModel
{
    protected TypeModel(string name, string pointer, Documentation docs)
    {
        Name = name;
        Pointer = pointer;
        Docs = docs;
    }

    public string Name { get; }

    /// <summary>JSON pointer of the schema that defines the type ("#/definitions/input").</summary>
    public string Pointer { get; }

    public Documentation Docs { get; }
}

internal sealed class ObjectTypeModel : TypeModel
{
    public ObjectTypeModel(string name, string pointer, Documentation docs)
        : base(name, pointer, docs)
    {
    }

    public List<PropertyModel> Properties { get; } = new();

    /// <summary><c>additionalProperties: false</c>: unknown members fail deserialisation.</summary>
    public bool DisallowUnknownMembers { get; set; }
}

internal sealed class EnumTypeModel : TypeModel
{
    public EnumTypeModel(string name, string pointer, Documentation docs, string converterName)
        : base(name, pointer, docs)
    {
        ConverterName = converterName;
    }

    public string ConverterName { get; }

    public List<EnumMemberModel> Members { get; } = new();

    /// <summary>Where the enum is used, for error messages ("'case'", "items of 'tags'"), in the order found.</summary>
    public List<string> UseSites { get; } = new();
}

internal sealed class EnumMemberModel
{
    public EnumMemberModel(string name, string value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    /// <summary>The exact string schema.json lists, read and written as is.</summary>
    public string Value { get; }
}

internal sealed class PropertyModel
{
    public PropertyModel(string jsonName, string name, ValueModel value, bool required)
    {
        JsonName = jsonName;
        Name = name;
        Value = value;
        Required = required;
    }

    public string JsonName { get; }

    public string Name { get; }

    public ValueModel Value { get; }

    /// <summary>Listed in the schema's <c>required</c>: a C# <c>required</c> member, and deserialisation fails without it.</summary>
    public bool Required { get; }

    /// <summary>The schema's <c>default</c>, when the generated property starts with it (optional properties only).</summary>
    public ByteNite.Sdk.Model.Json.JsonNode? Default { get; set; }

    public Documentation Docs { get; set; } = Documentation.Empty;

    /// <summary>The C# type is nullable (T?): optional without a default, or null allowed by the schema.</summary>
    public bool IsNullable => Value.AllowsNull || (!Required && Default is null);

    /// <summary>
    /// Optional members are left out of the JSON when null, so the app sees the key absent (its default applies); except
    /// where the schema allows null and has a default other than null: there null can only be the caller's choice.
    /// </summary>
    public bool OmitWhenNull => !Required && !(Value.AllowsNull && Default is not null) && (IsNullable || Value.IsReferenceType);
}

internal enum ValueKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,

    /// <summary>Anything: <c>System.Text.Json.JsonElement</c>.</summary>
    Any,
    Enum,
    Object,
    List,
    Map,
}

/// <summary>A value's C# shape and the checks <c>Validate()</c> makes on it.</summary>
internal sealed class ValueModel
{
    public ValueModel(ValueKind kind)
    {
        Kind = kind;
    }

    public ValueKind Kind { get; }

    /// <summary>For Enum and Object.</summary>
    public TypeModel? Type { get; set; }

    /// <summary>For List (items) and Map (values).</summary>
    public ValueModel? Element { get; set; }

    /// <summary>The schema accepts null (<c>"type": ["string", "null"]</c>).</summary>
    public bool AllowsNull { get; set; }

    public List<Constraint> Constraints { get; } = new();

    public bool IsReferenceType => Kind is ValueKind.String or ValueKind.Object or ValueKind.List or ValueKind.Map;
}

internal enum ConstraintKind
{
    MinLength,
    MaxLength,
    Pattern,
    Minimum,
    Maximum,
    ExclusiveMinimum,
    ExclusiveMaximum,
    MultipleOf,
    MinItems,
    MaxItems,
    UniqueItems,
    MinProperties,
    MaxProperties,

    /// <summary><c>enum</c> or <c>const</c> of numbers, booleans or (for const) a string: the allowed JSON literals.</summary>
    AllowedValues,
}

/// <summary>One keyword Validate() checks; numbers are kept as written in schema.json.</summary>
internal sealed class Constraint
{
    public Constraint(ConstraintKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public ConstraintKind Kind { get; }

    /// <summary>The JSON literal (a number, a string's value for Pattern), or for AllowedValues the values' JSON texts.</summary>
    public string Value { get; }

    public IReadOnlyList<string> Values { get; set; } = System.Array.Empty<string>();

    /// <summary>For Pattern: the .NET pattern that matches what the ECMA-262 one does (the params validator's translation).</summary>
    public string? DotNetPattern { get; set; }
}

/// <summary>XML documentation text, taken from title, description, default and the constraints.</summary>
internal sealed class Documentation
{
    public static readonly Documentation Empty = new(null, null);

    public Documentation(string? title, string? description)
    {
        Title = title;
        Description = description;
    }

    public string? Title { get; }

    public string? Description { get; }

    /// <summary>The default as compact JSON, for the remarks.</summary>
    public string? DefaultJson { get; set; }

    public string? Format { get; set; }

    public List<string> Constraints { get; } = new();
}
