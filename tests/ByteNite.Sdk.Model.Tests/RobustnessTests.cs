using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

/// <summary>No input may crash the rules: every prefix and random corruptions of the real examples, and pathological files.</summary>
public class RobustnessTests
{
    public static IEnumerable<object[]> Files() => ExampleFiles.All().Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_prefix_of_an_example_gets_diagnostics_not_exceptions(string relativePath)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(TestPaths.Examples, relativePath));
        for (int length = 0; length < bytes.Length; length++)
        {
            AssertCheckedWithoutCrash(bytes.AsSpan(0, length).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Random_byte_flips_get_diagnostics_not_exceptions(string relativePath)
    {
        byte[] original = File.ReadAllBytes(Path.Combine(TestPaths.Examples, relativePath));
        var random = new Random(relativePath.Length * 7919);
        for (int round = 0; round < 300; round++)
        {
            byte[] bytes = (byte[])original.Clone();
            int flips = 1 + random.Next(4);
            for (int i = 0; i < flips; i++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            AssertCheckedWithoutCrash(bytes);
        }
    }

    [Fact]
    public void Pathological_inputs_are_reported_with_a_location()
    {
        var random = new Random(1);
        byte[] garbage = new byte[64 * 1024];
        random.NextBytes(garbage);
        var inputs = new Dictionary<string, byte[]>
        {
            ["empty"] = Array.Empty<byte>(),
            ["garbage"] = garbage,
            ["deep arrays"] = Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000)),
            ["deep objects"] = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
            ["huge number"] = Encoding.ASCII.GetBytes("{\"name\": 1e400, \"version\": -1e-400, \"platform\": 123456789012345678901234567890}"),
            ["invalid utf-8"] = new byte[] { (byte)'{', (byte)'"', 0xC0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
            ["lone surrogate escape"] = Encoding.ASCII.GetBytes("{\"name\": \"\\ud800\"}"),
            ["nul bytes"] = new byte[16],
        };

        foreach ((string name, byte[] bytes) in inputs)
        {
            List<Diagnostic> diagnostics = AssertCheckedWithoutCrash(bytes);
            Assert.True(diagnostics.Count > 0, name);
            Assert.All(diagnostics, d => Assert.True(d.Location.Start.Line >= 1, name + ": " + d));
        }
    }

    [Fact]
    public void A_ten_megabyte_manifest_is_checked()
    {
        var text = new StringBuilder("{\"name\": \"big\", \"description\": \"");
        text.Append('x', 10 * 1024 * 1024);
        text.Append("\", \"version\": \"0.1\", \"platform\": \"docker\", \"entrypoint\": \"main.py\", \"platform_config\": {\"container\": \"python:3.11\"}}");
        Assert.Empty(AssertCheckedWithoutCrash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Runs every rule set over the bytes; any exception fails the test, and so does the internal-error code.</summary>
    private static List<Diagnostic> AssertCheckedWithoutCrash(byte[] bytes)
    {
        var all = new List<Diagnostic>();
        foreach (string kind in new[] { "manifest", "template", "schema" })
        {
            var diagnostics = new List<Diagnostic>();
            SourceFile file = SourceFile.FromBytes(kind + ".json", bytes, out string? encodingProblem);
            if (encodingProblem is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.InvalidEncoding, file, file.EndSpan, encodingProblem));
            }
            else
            {
                JsonNode? root = JsonParser.Parse(file, kind == "schema" ? DiagnosticCatalog.SchemaJsonCodes : DiagnosticCatalog.ManifestJsonCodes, diagnostics);
                if (root is not null)
                {
                    switch (kind)
                    {
                        case "manifest":
                            ManifestRules.Check(file, root, new ManifestRules.Options(), diagnostics);
                            break;
                        case "template":
                            TemplateRules.Check(file, root, null, diagnostics);
                            break;
                        default:
                            SchemaRules.Check(file, root, diagnostics);
                            break;
                    }
                }
            }

            Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticCatalog.InternalError.Id);
            Assert.All(diagnostics, d => Assert.Contains(d.Descriptor, DiagnosticCatalog.All));
            all.AddRange(diagnostics);
        }

        return all.Where(d => d.FilePath == "manifest.json").ToList();
    }
}
