using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>
/// The analyzer never throws (an exception would be AD0001 in the user's build) and never needs its catch-all (BN0099):
/// every prefix of every example file, and byte-flipped copies of them with a fixed seed, decoded as the compiler would.
/// BYTENITE_FUZZ_MUTANTS sets the copies per file for a longer run (docs/ide.md records one).
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20250611;
    private const int DefaultMutantsPerFile = 150;

    /// <summary>An intact manifest first, so that templates are also checked against a manifest.</summary>
    private static readonly AppFile Manifest = AppFile.Of("/fuzz/manifest.json", "manifest",
        """{ "name": "app", "version": "0.1", "platform": "docker", "entrypoint": "main.py", "platform_config": { "container": "python:3.11" } }""");

    public static IEnumerable<object[]> Examples() =>
        ExampleTexts.Paths.Select(p => new object[] { Path.GetRelativePath(TestPaths.Examples, p).Replace('\\', '/') });

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_prefix_is_analyzed_without_an_exception(string relativePath)
    {
        string path = Path.Combine(TestPaths.Examples, relativePath);
        string kind = ExampleTexts.KindOf(path);
        string text = ExampleTexts.Decode(File.ReadAllBytes(path)).ToString();

        var files = new List<AppFile> { Manifest };
        for (int length = 0; length <= text.Length; length++)
        {
            files.Add(AppFile.Of($"/fuzz/prefix/{length}/{kind}.json", kind, text.Substring(0, length)));
        }

        await AssertNoFailureAsync(files);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Byte_flipped_copies_are_analyzed_without_an_exception(string relativePath)
    {
        string path = Path.Combine(TestPaths.Examples, relativePath);
        string kind = ExampleTexts.KindOf(path);
        byte[] original = File.ReadAllBytes(path);
        int mutants = int.TryParse(Environment.GetEnvironmentVariable("BYTENITE_FUZZ_MUTANTS"), out int n) && n > 0 ? n : DefaultMutantsPerFile;
        var random = new Random(Seed ^ StableHash(relativePath));

        for (int batch = 0; batch < mutants; batch += 500)
        {
            var files = new List<AppFile> { Manifest };
            for (int i = batch; i < Math.Min(mutants, batch + 500); i++)
            {
                files.Add(new AppFile($"/fuzz/mutant/{i}/{kind}.json", kind, ExampleTexts.Decode(Mutate(original, random))));
            }

            await AssertNoFailureAsync(files);
        }
    }

    private static async Task AssertNoFailureAsync(List<AppFile> files)
    {
        AnalyzerRun run = await AnalyzerHost.RunAsync(files);

        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AD0001" || d.Id == "BN0099");
        // Every diagnostic sits inside the text of its file, so that an editor can place it.
        Dictionary<string, SourceText> texts = files.ToDictionary(f => f.Path, f => f.Text!);
        foreach (Diagnostic diagnostic in run.Diagnostics)
        {
            Assert.True(diagnostic.Location.SourceSpan.End <= texts[diagnostic.Location.GetLineSpan().Path].Length, diagnostic.ToString());
        }
    }

    /// <summary>One to four edits: a byte replaced (often by one that is not UTF-8 or is JSON punctuation), inserted or removed.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        byte[] interesting = { (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)',', (byte)':', (byte)'\\', 0x00, 0x80, 0xC3, 0xE2, 0xED, 0xF0, 0xFF };
        int edits = random.Next(1, 5);
        for (int e = 0; e < edits; e++)
        {
            byte value = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes.RemoveAt(at);
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = 17;
            foreach (char c in text)
            {
                hash = (hash * 31) + c;
            }

            return hash;
        }
    }
}
