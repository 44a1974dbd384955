using System.Collections.Generic;
using System.Linq;
using System.Text;
using ByteNite.Sdk.CodeGeneration.Reading;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>Never crash on input: broken variants of the test schemas give diagnostics, never BN0099, and code that parses.</summary>
public class RobustnessTests
{
    private static readonly string[] Replacements = { "true", "false", "null", "0", "-1", "1.5", "1e400", "\"\"", "\"x\"", "[]", "[1,\"a\"]", "{}", "{\"$ref\":\"#\"}", "{\"type\":\"nope\"}" };

    public static IEnumerable<object[]> Schemas() => TestFiles.SchemaNames().Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_member_removed_or_replaced_gives_diagnostics_not_an_internal_error(string name)
    {
        var diagnostics = new List<ByteNite.Sdk.Model.Diagnostics.Diagnostic>();
        JsonNode root = JsonParser.Parse(TestFiles.Schema(name), DiagnosticCatalog.SchemaJsonCodes, diagnostics)!;
        int variants = 0;
        foreach (string variant in Variants(root))
        {
            variants++;
            ParamsCodeGeneratorResult result = Generator.Run(variant);
            Assert.False(result.Diagnostics.Any(d => d.Id == DiagnosticCatalog.InternalError.Id), variant + "\n" + string.Join("\n", result.Diagnostics));
            if (result.Code is not null)
            {
                var errors = CSharpSyntaxTree.ParseText(result.Code).GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
                Assert.False(errors.Any(), variant + "\n" + string.Join("\n", errors));
            }
        }

        Assert.True(variants > 20);
    }

    /// <summary>The schema with each object member in turn left out, and its value replaced by each of <see cref="Replacements"/>.</summary>
    private static IEnumerable<string> Variants(JsonNode root)
    {
        var members = new List<JsonProperty>();
        Collect(root, members);
        foreach (JsonProperty member in members)
        {
            yield return Write(root, member, null);
            foreach (string replacement in Replacements)
            {
                yield return Write(root, member, replacement);
            }
        }
    }

    private static void Collect(JsonNode node, List<JsonProperty> members)
    {
        if (node is JsonObject obj)
        {
            foreach (JsonProperty property in obj.Properties)
            {
                members.Add(property);
                Collect(property.Value, members);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonNode item in array.Items)
            {
                Collect(item, members);
            }
        }
    }

    private static string Write(JsonNode root, JsonProperty target, string? replacement)
    {
        var text = new StringBuilder();
        void WriteNode(JsonNode node)
        {
            if (node is JsonObject obj)
            {
                CompactJson.WriteObject(obj.Properties.Where(p => p != target || replacement is not null), text, p =>
                {
                    if (p == target)
                    {
                        text.Append(replacement);
                    }
                    else
                    {
                        WriteNode(p.Value);
                    }
                });
            }
            else if (node is JsonArray array)
            {
                CompactJson.WriteArray(array.Items, text, WriteNode);
            }
            else
            {
                CompactJson.Write(node, text, null);
            }
        }

        WriteNode(root);
        return text.ToString();
    }
}
