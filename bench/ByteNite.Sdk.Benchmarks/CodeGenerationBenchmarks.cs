using System.Text;
using BenchmarkDotNet.Attributes;
using ByteNite.Sdk.CodeGeneration;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Benchmarks;

/// <summary>
/// The cost of generating the params types in process, warm (what the build task pays per run after the first): the
/// hello-world sample's schema, and a schema of 200 properties of every kind the generator maps. Goal: at most 100 ms.
/// </summary>
[MemoryDiagnoser]
public class CodeGenerationBenchmarks
{
    internal const string HelloWorldSchema = """
        {
          "$id": "db://hello-world-inputs",
          "title": "Hello World App Schema",
          "description": "Parameters of the hello-world app (params.app of a job).",
          "type": "object",
          "properties": {
            "case": {
              "type": "string",
              "description": "How to convert the case of the input text.",
              "enum": ["upper", "lower", "title"],
              "default": "upper"
            }
          },
          "required": ["case"]
        }
        """;

    private readonly ParamsCodeGeneratorOptions _options = new() { Namespace = "Bench", RootTypeName = "BenchParams" };
    private SourceFile _helloWorld = null!;
    private SourceFile _large = null!;

    [GlobalSetup]
    public void CreateSchemas()
    {
        _helloWorld = new SourceFile("schema.json", HelloWorldSchema);
        _large = new SourceFile("schema.json", LargeSchema(200));
    }

    [Benchmark(Baseline = true)]
    public int HelloWorld() => ParamsCodeGenerator.Generate(_helloWorld, _options).Code!.Length;

    [Benchmark]
    public int TwoHundredProperties() => ParamsCodeGenerator.Generate(_large, _options).Code!.Length;

    /// <summary>Properties in a cycle of eight kinds: bounded strings, patterns, bounded integers, numbers, enums with defaults,
    /// booleans, arrays of strings, and nested objects with two members each; every third one required.</summary>
    internal static string LargeSchema(int count)
    {
        var text = new StringBuilder("{\n  \"$id\": \"db://bench\",\n  \"title\": \"Bench\",\n  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"properties\": {\n");
        var required = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            string name = "property_" + i;
            string schema = (i % 8) switch
            {
                0 => "{ \"type\": \"string\", \"description\": \"A text.\", \"minLength\": 1, \"maxLength\": 50 }",
                1 => "{ \"type\": \"string\", \"pattern\": \"^[a-z]+$\" }",
                2 => "{ \"type\": \"integer\", \"minimum\": 0, \"maximum\": 100, \"default\": 10 }",
                3 => "{ \"type\": \"number\", \"exclusiveMinimum\": 0, \"multipleOf\": 0.5 }",
                4 => "{ \"type\": \"string\", \"enum\": [\"a-b\", \"1x\", \"upper\", \"class\"], \"default\": \"upper\" }",
                5 => "{ \"type\": \"boolean\", \"default\": true }",
                6 => "{ \"type\": \"array\", \"items\": { \"type\": \"string\", \"maxLength\": 20 }, \"maxItems\": 10, \"uniqueItems\": true }",
                _ => "{ \"type\": \"object\", \"properties\": { \"width\": { \"type\": \"integer\", \"minimum\": 1 }, \"height\": { \"type\": \"integer\", \"minimum\": 1 } }, \"required\": [\"width\"] }",
            };
            text.Append("    \"").Append(name).Append("\": ").Append(schema).Append(i + 1 < count ? ",\n" : "\n");
            if (i % 3 == 0)
            {
                required.Append(required.Length == 0 ? "" : ", ").Append('"').Append(name).Append('"');
            }
        }

        return text.Append("  },\n  \"required\": [").Append(required).Append("]\n}\n").ToString();
    }
}
