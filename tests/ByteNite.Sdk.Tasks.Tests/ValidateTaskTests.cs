using System.Linq;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>The validation task's part in reporting each problem once when the params generator runs in the same build.</summary>
public class ValidateTaskTests
{
    private const string Schema = """
        {
          "properties": {
            "remote": { "$ref": "other.json#/definitions/x" },
            "missing": { "$ref": "#/definitions/missing" },
            "loop": { "$ref": "#/definitions/b" }
          },
          "definitions": {
            "b": { "$ref": "#/definitions/c" },
            "c": { "$ref": "#/definitions/b" }
          }
        }
        """;

    [Fact]
    public void Without_the_generator_every_reference_problem_is_reported_by_validation()
    {
        Assert.Equal(new[] { "BN2012 4,26", "BN2013 3,25", "BN2014 9,20" }, ReferenceProblems(generatorRuns: false));
    }

    [Fact]
    public void With_the_generator_the_references_it_reports_are_left_to_it()
    {
        // A cycle is found from different ends: validation breaks it at the $ref that closes it ("c", line 9), the
        // generator reports the $ref it started from ("b", line 8). Reported at two places, it stays with both.
        Assert.Equal(new[] { "BN2014 9,20" }, ReferenceProblems(generatorRuns: true));
    }

    private static string[] ReferenceProblems(bool generatorRuns)
    {
        using var folder = new TempFolder();
        folder.Write("manifest.json", """{ "name": "a", "version": "0.1", "entrypoint": "main.py", "platform": "docker", "platform_config": { "container": "python:3.11-slim" } }""");
        folder.Write("app/main.py", "print(1)\n");
        folder.Write("schema.json", Schema);
        var engine = new RecordingEngine();
        var task = new ValidateByteNiteApp { BuildEngine = engine, AppDirectory = folder.Path, SchemaReferencesReportedByGenerator = generatorRuns };

        task.Execute();

        return engine.Errors.Select(e => (e.Code, e.LineNumber, e.ColumnNumber))
            .Concat(engine.Warnings.Select(w => (w.Code, w.LineNumber, w.ColumnNumber)))
            .Where(d => d.Code is "BN2012" or "BN2013" or "BN2014")
            .Select(d => d.Code + " " + d.LineNumber + "," + d.ColumnNumber)
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .ToArray();
    }
}
