using System.IO;
using System.Linq;
using System.Reflection;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>Where the repository and the shared test data are, as recorded at build time.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string Examples { get; } = Path.Combine(Metadata("SharedDirectory"), "bytenite-examples");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
