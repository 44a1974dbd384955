using System.IO;
using System.Text;
using ByteNite.Sdk.Tasks.Bundle;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>The registry token goes into the bundle's manifest.json with the rest of the text kept as written.</summary>
public class BundleManifestTests
{
    private const string Token = "dckr_pat_abc";

    [Theory]
    // Multi-line object: a new line with the indentation of the last member.
    [InlineData(
        "{\n  \"name\": \"a\",\n  \"version\": \"0.1\",\n  \"platform_config\": {\n    \"container\": \"x:1\",\n    \"private_image\": true\n  }\n}\n",
        "{\n  \"name\": \"a\",\n  \"version\": \"0.1\",\n  \"platform_config\": {\n    \"container\": \"x:1\",\n    \"private_image\": true,\n    \"token\": \"dckr_pat_abc\"\n  }\n}\n")]
    // CRLF line breaks stay CRLF.
    [InlineData(
        "{\r\n\t\"name\": \"a\",\r\n\t\"version\": \"0.1\",\r\n\t\"platform_config\": {\r\n\t\t\"private_image\": true\r\n\t}\r\n}",
        "{\r\n\t\"name\": \"a\",\r\n\t\"version\": \"0.1\",\r\n\t\"platform_config\": {\r\n\t\t\"private_image\": true,\r\n\t\t\"token\": \"dckr_pat_abc\"\r\n\t}\r\n}")]
    // One-line object: inline.
    [InlineData(
        "{\"name\": \"a\", \"version\": \"0.1\", \"platform_config\": {\"private_image\": true, \"username\": \"u\"}}",
        "{\"name\": \"a\", \"version\": \"0.1\", \"platform_config\": {\"private_image\": true, \"username\": \"u\", \"token\": \"dckr_pat_abc\"}}")]
    // An empty token is filled in where it is.
    [InlineData(
        "{\"name\": \"a\", \"version\": \"0.1\", \"platform_config\": {\"token\": \"\", \"private_image\": true}}",
        "{\"name\": \"a\", \"version\": \"0.1\", \"platform_config\": {\"token\": \"dckr_pat_abc\", \"private_image\": true}}")]
    public void Token_is_added_in_the_layout_of_the_file(string manifest, string expected)
    {
        BundleManifest read = Read(manifest);

        byte[] content = read.ContentWithToken(Token, out TokenOutcome outcome);

        Assert.Equal(TokenOutcome.Injected, outcome);
        Assert.Equal(expected, Encoding.UTF8.GetString(content));
    }

    [Theory]
    [InlineData("{\"name\": \"a\", \"version\": \"0.1\", \"platform_config\": {\"private_image\": false}}", TokenOutcome.NotPrivate)]
    [InlineData("{\"name\": \"a\", \"version\": \"0.1\", \"platform_config\": {\"container\": \"x:1\"}}", TokenOutcome.NotPrivate)]
    [InlineData("{\"name\": \"a\", \"version\": \"0.1\", \"platform_config\": {\"private_image\": true, \"token\": \"kept\"}}", TokenOutcome.AlreadyInManifest)]
    public void Token_is_not_added_when_the_image_is_public_or_the_manifest_has_one(string manifest, TokenOutcome expected)
    {
        BundleManifest read = Read(manifest);

        byte[] content = read.ContentWithToken(Token, out TokenOutcome outcome);

        Assert.Equal(expected, outcome);
        Assert.Same(read.Bytes, content);
    }

    [Fact]
    public void Token_is_escaped_as_a_JSON_string_and_a_byte_order_mark_is_kept()
    {
        byte[] bom = { 0xEF, 0xBB, 0xBF };
        BundleManifest read = Read("{\"name\": \"a\", \"version\": \"0.1\", \"platform_config\": {\"private_image\": true}}", bom);

        byte[] content = read.ContentWithToken("q\"b\\s\n", out _);

        Assert.Equal(bom, content[..3]);
        Assert.EndsWith("\"private_image\": true, \"token\": \"q\\\"b\\\\s\\u000a\"}}", Encoding.UTF8.GetString(content, 3, content.Length - 3));
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"version\": \"0.4.rev2\"}", "a-0.4.rev2", "0.4.rev3")]
    [InlineData("{\"name\": \"a\", \"version\": \"1.9\"}", "a-1.9", "1.10")]
    public void Bundle_is_named_by_name_and_version_and_the_next_version_follows_the_dialect(string manifest, string baseName, string next)
    {
        BundleManifest read = Read(manifest);

        Assert.Equal(baseName, read.BundleBaseName);
        Assert.Equal(next, read.NextVersion());
    }

    private static BundleManifest Read(string manifest, byte[]? prefix = null)
    {
        using var folder = new TempFolder();
        byte[] bytes = Encoding.UTF8.GetBytes(manifest);
        File.WriteAllBytes(Path.Combine(folder.Path, "manifest.json"), prefix is null ? bytes : [.. prefix, .. bytes]);
        var diagnostics = new System.Collections.Generic.List<ByteNite.Sdk.Model.Diagnostics.Diagnostic>();
        BundleManifest? read = BundleManifest.Read(folder.Path, diagnostics);
        Assert.True(read is not null, string.Join("\n", diagnostics));
        return read!;
    }
}
