using System.Collections.Generic;
using ByteNite.Sdk.Model.Diagnostics;

namespace ByteNite.Sdk.CodeGeneration;

/// <summary>The generated C# file and what was found on the way.</summary>
public sealed class ParamsCodeGeneratorResult
{
    internal ParamsCodeGeneratorResult(string? code, IReadOnlyList<Diagnostic> diagnostics)
    {
        Code = code;
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// The C# file, or null when schema.json cannot be read as an object schema at all. It is returned alongside
    /// errors about single constructs too (those values are typed <c>JsonElement</c>), so that a host whose severity
    /// settings turn such an error off still gets the types.
    /// </summary>
    public string? Code { get; }

    /// <summary>In the order found. BN2001–BN2004 are the reading errors that validation reports too (a host that has
    /// validated schema.json already leaves them out); the BN202x codes are about the generated code.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public void Deconstruct(out string? code, out IReadOnlyList<Diagnostic> diagnostics)
    {
        code = Code;
        diagnostics = Diagnostics;
    }
}
