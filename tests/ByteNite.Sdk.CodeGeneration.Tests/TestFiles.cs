using System.IO;
using System.Linq;
using System.Reflection;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>The schemas under Schemas/ and the expected files under Snapshots/, in the source tree.</summary>
internal static class TestFiles
{
    public static string ProjectDirectory { get; } = typeof(TestFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestProjectDirectory").Value!;

    public static string SharedDirectory { get; } = typeof(TestFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SharedDirectory").Value!;

    public static string TestSuiteDirectory => Path.Combine(SharedDirectory, "json-schema-test-suite", "tests", "draft7");

    public static string SchemasDirectory => Path.Combine(ProjectDirectory, "Schemas");

    public static string SnapshotsDirectory => Path.Combine(ProjectDirectory, "Snapshots");

    public static string[] SchemaNames() => Directory.GetFiles(SchemasDirectory, "*.json")
        .Select(p => Path.GetFileNameWithoutExtension(p)).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

    /// <summary>A schema file as the generator gets it (the path is relative, as in the messages of a build).</summary>
    public static SourceFile Schema(string name) =>
        new("schema.json", File.ReadAllText(Path.Combine(SchemasDirectory, name + ".json")));
}
