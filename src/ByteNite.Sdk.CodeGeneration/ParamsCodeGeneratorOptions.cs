using System.Collections.Generic;

namespace ByteNite.Sdk.CodeGeneration;

/// <summary>What the caller decides about the generated code; MSBuild passes project properties and items.</summary>
public sealed class ParamsCodeGeneratorOptions
{
    /// <summary>The namespace of the generated types (MSBuild: <c>$(RootNamespace)</c>); empty for the global namespace.</summary>
    public string Namespace { get; set; } = string.Empty;

    /// <summary>
    /// The name of the class for the whole schema (params.app), e.g. <c>HelloWorldParams</c>; see
    /// <see cref="ParamsCodeGenerator.DefaultRootTypeName"/>. Nested types are named after it without the <c>Params</c>
    /// suffix: <c>HelloWorldCase</c>, <c>HelloWorldOptions</c>.
    /// </summary>
    public string RootTypeName { get; set; } = "Params";

    /// <summary>
    /// Names for generated types, keyed by the JSON pointer of the schema that defines them
    /// (<c>#/properties/case</c>, <c>#/definitions/input</c>).
    /// </summary>
    public IDictionary<string, string> TypeNames { get; } = new Dictionary<string, string>();

    /// <summary>Names for generated properties, keyed by the JSON pointer of the property's schema (<c>#/properties/case</c>).</summary>
    public IDictionary<string, string> PropertyNames { get; } = new Dictionary<string, string>();
}
