using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>The generated file for each schema under Schemas/, compared with Snapshots/ and compiled.</summary>
public class SnapshotTests
{
    public static IEnumerable<object[]> Schemas() => TestFiles.SchemaNames().Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Generated_code_matches_the_snapshot(string name)
    {
        Snapshot.Match(name, Generator.Clean(name));
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Generated_code_compiles_with_warnings_as_errors(string name)
    {
        RoslynCompiler.Compile(Generator.Clean(name), name);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Generation_is_deterministic(string name)
    {
        Assert.Equal(Generator.Clean(name), Generator.Clean(name));
    }
}
