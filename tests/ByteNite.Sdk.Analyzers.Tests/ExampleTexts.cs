using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>The files of ../shared/bytenite-examples as the compiler would hand them to the analyzer.</summary>
internal static class ExampleTexts
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<string> Paths { get; } =
        Directory.EnumerateFiles(TestPaths.Examples, "*.json", SearchOption.AllDirectories).OrderBy(p => p, System.StringComparer.Ordinal).ToList();

    /// <summary>The rule set a file is checked with: its name says which (other JSON, e.g. job files, as a manifest).</summary>
    public static string KindOf(string path)
    {
        string name = Path.GetFileName(path);
        return name == "schema.json" ? "schema" : name.Contains("template") ? "template" : "manifest";
    }

    /// <summary>Like the compiler: UTF-8 when the bytes are UTF-8 (a BOM is dropped), a single-byte fallback otherwise.</summary>
    public static SourceText Decode(byte[] bytes)
    {
        try
        {
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return SourceText.From(StrictUtf8.GetString(bytes, start, bytes.Length - start), Encoding.UTF8);
        }
        catch (DecoderFallbackException)
        {
            return SourceText.From(Encoding.Latin1.GetString(bytes), Encoding.Latin1);
        }
    }
}
