using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>No input crashes the build: each malformed manifest is a BN diagnostic with a location.</summary>
[Collection(SdkCollection.Name)]
public sealed class RobustnessTests
{
    private readonly SdkPackageFixture _sdk;

    public RobustnessTests(SdkPackageFixture sdk) => _sdk = sdk;

    public static TheoryData<string> Inputs => new() { "empty", "garbage", "nesting", "huge-number", "invalid-utf8", "ten-megabytes", "bom-and-nul" };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Malformed_manifest_gives_a_located_BN_diagnostic_and_no_crash(string input)
    {
        TestApp app = _sdk.CreateApp("hello-world", "robust-" + input);
        string valid = app.Read("manifest.json");
        byte[] bytes = input switch
        {
            "empty" => Array.Empty<byte>(),
            "garbage" => Garbage(4096),
            "nesting" => Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000)),
            "huge-number" => Encoding.UTF8.GetBytes(valid.Replace("\"min_cpu\": 1", "\"min_cpu\": 1e400")),
            // An overlong encoding of '/' (C0 AF): never valid UTF-8.
            "invalid-utf8" => Splice(valid, "Converts", new byte[] { 0xC0, 0xAF }),
            "ten-megabytes" => Encoding.ASCII.GetBytes("[" + string.Join(",", Enumerable.Repeat("1", 5_000_000)) + "]"),
            "bom-and-nul" => new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', 0, (byte)'}' },
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        app.WriteBytes("manifest.json", bytes);

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        string manifest = Regex.Escape(app.PathOf("manifest.json"));
        Assert.True(
            result.BnLines.Any(line => Regex.IsMatch(line, "^" + manifest + @"\([1-9][0-9]*,[1-9][0-9]*\): error BN[0-9]{4}: ")),
            "Expected a located BN error in manifest.json: " + result);
    }

    [Theory]
    [InlineData("manifest.json")]
    [InlineData("schema.json")]
    public void A_folder_where_an_app_file_belongs_is_reported_once(string name)
    {
        TestApp app = _sdk.CreateApp("hello-world", "folder-" + name);
        app.Delete(name);
        System.IO.Directory.CreateDirectory(app.PathOf(name));

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        string expected = $"{app.PathOf(name)} : error BN0002: '{app.PathOf(name)}' cannot be read: it is a folder, not a file. Check that the file exists, is not locked by another program and is readable by the build.";
        Assert.Equal(new[] { expected, expected }, result.BnLines); // one report, printed live and in the summary
    }

    private static byte[] Splice(string text, string before, byte[] inserted)
    {
        int index = text.IndexOf(before, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Substring(0, index))
            .Concat(inserted)
            .Concat(Encoding.UTF8.GetBytes(text.Substring(index)))
            .ToArray();
    }

    private static byte[] Garbage(int length)
    {
        var random = new Random(20261127);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
