using System.Collections.Generic;
using System.Linq;
using System.Text;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

public class JsonParserTests
{
    [Fact]
    public void Records_the_span_of_every_key_and_value()
    {
        var file = new SourceFile("m.json", "{\n  \"name\": \"hello\",\n  \"n\": [1, 2.5e3, true, null]\n}");
        var diagnostics = new List<Diagnostic>();
        var root = (JsonObject)JsonParser.Parse(file, DiagnosticCatalog.ManifestJsonCodes, diagnostics)!;

        Assert.Empty(diagnostics);
        JsonProperty name = root.Find("name")!;
        Assert.Equal(new LinePosition(2, 3), file.GetLinePosition(name.NameSpan.Start));
        Assert.Equal(new LinePosition(2, 11), file.GetLinePosition(name.Value.Span.Start));
        Assert.Equal("\"hello\"", file.Text.Substring(name.Value.Span.Start, name.Value.Span.Length));
        var items = ((JsonArray)root.Find("n")!.Value).Items;
        Assert.Equal(new[] { JsonNodeKind.Number, JsonNodeKind.Number, JsonNodeKind.Boolean, JsonNodeKind.Null }, items.Select(i => i.Kind));
        Assert.Equal("2.5e3", ((JsonNumber)items[1]).RawText);
        Assert.False(((JsonNumber)items[1]).IsInteger);
        Assert.Equal(new LinePosition(4, 2), file.GetLinePosition(root.Span.End));
    }

    [Fact]
    public void Trailing_comma_is_reported_at_the_comma()
    {
        string json = "{\n  \"id\": \"x\",\n  \"assembler\": \"zipper\",\n}";
        Assert.Equal(
            new[] { "(3,24) BN1001: Invalid JSON: trailing comma before '}'; remove the comma after the last property." },
            Validate.Parse(json).Rendered());
    }

    [Theory]
    [InlineData("", "(1,1) BN1001: Invalid JSON: the file is empty; expected a JSON value such as an object '{ ... }'.")]
    [InlineData("   \n ", "(2,2) BN1001: Invalid JSON: the file is empty; expected a JSON value such as an object '{ ... }'.")]
    [InlineData("{\"a\": 1", "(1,8) BN1001: Invalid JSON: unexpected end of file; expected ',' or '}' to close the object that starts at (1,1).")]
    [InlineData("{\"a\" 1}", "(1,6) BN1001: Invalid JSON: expected ':' after the property name \"a\", found '1'.")]
    [InlineData("{a: 1}", "(1,2) BN1001: Invalid JSON: expected a property name in double quotes, found 'a'.")]
    [InlineData("{\"a\": 'x'}", "(1,7) BN1001: Invalid JSON: strings must be in double quotes, not single quotes.")]
    [InlineData("{\"a\": \"x}", "(1,7) BN1001: Invalid JSON: unterminated string; add the closing '\"'.")]
    [InlineData("{\"a\": \"x\ny\"}", "(1,9) BN1001: Invalid JSON: a line break inside a string; write it as \\n, or close the string with '\"'.")]
    [InlineData("{\"a\": \"\\q\"}", "(1,8) BN1001: Invalid JSON: invalid escape sequence '\\q'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.")]
    [InlineData("{\"a\": 01}", "(1,7) BN1001: Invalid JSON: numbers cannot have leading zeros.")]
    [InlineData("{\"a\": True}", "(1,7) BN1001: Invalid JSON: unexpected 'T'; expected a value (object, array, string, number, true, false or null).")]
    [InlineData("{\"a\": tru}", "(1,7) BN1001: Invalid JSON: unexpected 't'; did you mean 'true'? (JSON literals are lower-case).")]
    [InlineData("{} {}", "(1,4) BN1001: Invalid JSON: unexpected '{' after the end of the JSON value; a file holds exactly one value.")]
    [InlineData("{\n // note\n}", "(2,2) BN1001: Invalid JSON: comments are not allowed in JSON; remove the comment (or move it into a \"description\").")]
    [InlineData("[1,]", "(1,3) BN1001: Invalid JSON: trailing comma before ']'; remove the comma after the last item.")]
    [InlineData("{\"a\": 1 \"b\": 2}", "(1,9) BN1001: Invalid JSON: expected ',' or '}' after the value of \"a\", found '\"'.")]
    [InlineData("{\"a\": 1.}", "(1,8) BN1001: Invalid JSON: a decimal point must be followed by digits.")]
    [InlineData("{\"a\": \uD83D\uDE00}", "(1,7) BN1001: Invalid JSON: unexpected character U+1F600; expected a value (object, array, string, number, true, false or null).")]
    public void Syntax_errors_point_at_the_offending_character(string json, string expected)
    {
        Assert.Equal(new[] { expected }, Validate.Parse(json).Rendered());
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_key_and_the_first_is_kept()
    {
        var file = new SourceFile("m.json", "{\n  \"name\": \"a\",\n  \"name\": \"b\"\n}");
        var diagnostics = new List<Diagnostic>();
        var root = (JsonObject)JsonParser.Parse(file, DiagnosticCatalog.ManifestJsonCodes, diagnostics)!;

        Assert.Equal(
            new[] { "(3,3) BN1002: Key \"name\" appears more than once in this object (first on line 2); which value wins depends on the parser. Keep one." },
            diagnostics.Rendered());
        Assert.Equal("a", ((JsonString)root.Find("name")!.Value).Value);
        Assert.Single(root.Properties);
    }

    [Fact]
    public void Byte_order_mark_is_accepted_and_positions_ignore_it()
    {
        byte[] bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\": 1}")).ToArray();
        SourceFile file = SourceFile.FromBytes("m.json", bytes, out string? encodingProblem);
        var diagnostics = new List<Diagnostic>();
        var root = JsonParser.Parse(file, DiagnosticCatalog.ManifestJsonCodes, diagnostics);

        Assert.Null(encodingProblem);
        Assert.Empty(diagnostics);
        Assert.Equal(new LinePosition(1, 1), file.GetLinePosition(root!.Span.Start));
    }

    [Fact]
    public void Invalid_utf8_is_located_at_the_first_bad_byte()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\n  \"name\": \"caf").Concat(new byte[] { 0xE9, (byte)'"', (byte)'}' }).ToArray();
        SourceFile file = SourceFile.FromBytes("m.json", bytes, out string? encodingProblem);

        Assert.Equal("byte 16 cannot be decoded", encodingProblem);
        Assert.Equal(new LinePosition(2, 15), file.GetLinePosition(file.EndSpan.Start));
    }

    [Fact]
    public void Escapes_are_decoded_and_huge_numbers_are_kept_verbatim()
    {
        var root = (JsonObject)Parse("{\"s\": \"a\\u00e9\\n\\\"\", \"n\": 1e400, \"i\": 123456789012345678901234567890}");
        Assert.Equal("a\u00e9\n\"", ((JsonString)root.Find("s")!.Value).Value);
        Assert.Equal("1e400", ((JsonNumber)root.Find("n")!.Value).RawText);
        var big = (JsonNumber)root.Find("i")!.Value;
        Assert.True(big.IsInteger);
        Assert.False(big.TryGetInt64(out _));
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_a_diagnostic_not_a_stack_overflow()
    {
        string json = new string('[', 10_000) + new string(']', 10_000);
        Assert.Equal(
            new[] { $"(1,{JsonParser.MaxDepth + 1}) BN1001: Invalid JSON: nesting deeper than {JsonParser.MaxDepth} levels; no ByteNite file needs this, check for a generated or corrupted file." },
            Validate.Parse(json).Rendered());
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        string json = new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth);
        Assert.Empty(Validate.Parse(json));
    }

    [Fact]
    public void Line_positions_count_crlf_and_cr_as_one_line_break()
    {
        var file = new SourceFile("m.json", "a\r\nb\rc\nd");
        Assert.Equal(new LinePosition(2, 1), file.GetLinePosition(3));
        Assert.Equal(new LinePosition(3, 1), file.GetLinePosition(5));
        Assert.Equal(new LinePosition(4, 1), file.GetLinePosition(7));
    }

    [Theory]
    [InlineData("utf-16", "it is UTF-16 little-endian (it starts with the byte order mark FF FE), as Windows PowerShell 5.1 writes files with '>' and Out-File unless given -Encoding utf8")]
    [InlineData("utf-16BE-bom", "it is UTF-16 big-endian (it starts with the byte order mark FE FF)")]
    [InlineData("utf-32", "it is UTF-32 little-endian (it starts with the byte order mark FF FE 00 00)")]
    [InlineData("utf-32BE-bom", "it is UTF-32 big-endian (it starts with the byte order mark 00 00 FE FF)")]
    [InlineData("utf-16LE", "it looks like UTF-16 little-endian without a byte order mark (its first character is followed by a zero byte)")]
    [InlineData("utf-16BE", "it looks like UTF-16 big-endian without a byte order mark (its first character is preceded by a zero byte)")]
    [InlineData("utf-32LE", "it looks like UTF-32 little-endian without a byte order mark (its first character is followed by three zero bytes)")]
    [InlineData("utf-32BE", "it looks like UTF-32 big-endian without a byte order mark (its first character is preceded by three zero bytes)")]
    public void Json_in_another_unicode_encoding_is_named_and_reported_at_the_start(string encoding, string problem)
    {
        byte[] bytes = EncodedWith(encoding, "{\n  \"name\": \"caf\u00e9\"\n}");

        SourceFile file = SourceFile.FromBytes("m.json", bytes, out string? encodingProblem);

        Assert.Equal(problem, encodingProblem);
        Assert.Equal(string.Empty, file.Text);
        Assert.Equal(new LinePosition(1, 1), file.GetLinePosition(file.EndSpan.Start));
    }

    /// <summary>The text's bytes in the named encoding, with the byte order mark where the name does not end in LE or BE (as .NET names them).</summary>
    private static byte[] EncodedWith(string name, string text)
    {
        bool bigEndianWithMark = name.EndsWith("BE-bom", System.StringComparison.Ordinal);
        Encoding encoding = Encoding.GetEncoding(bigEndianWithMark ? name.Substring(0, name.Length - 4) : name);
        byte[] body = encoding.GetBytes(text);
        return name.EndsWith("LE", System.StringComparison.Ordinal) || name.EndsWith("BE", System.StringComparison.Ordinal) ? body : encoding.GetPreamble().Concat(body).ToArray();
    }

    private static JsonNode Parse(string json)
    {
        var diagnostics = new List<Diagnostic>();
        JsonNode? root = JsonParser.Parse(new SourceFile("m.json", json), DiagnosticCatalog.ManifestJsonCodes, diagnostics);
        Assert.Empty(diagnostics);
        return root!;
    }
}
