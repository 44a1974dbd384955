using System;
using System.IO;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>
/// Expected generated files, committed under Snapshots/ and compared byte for byte. Set BYTENITE_UPDATE_SNAPSHOTS=1
/// to write the current output instead (then review the diff and commit it); see tests/README.md.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "BYTENITE_UPDATE_SNAPSHOTS";

    public static void Match(string name, string actual)
    {
        string path = Path.Combine(TestFiles.SnapshotsDirectory, name + ".cs");
        bool update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        if (update)
        {
            Directory.CreateDirectory(TestFiles.SnapshotsDirectory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), "No snapshot " + path + "; run the tests with " + UpdateVariable + "=1 to write it, review it and commit it.");
        string expected = File.ReadAllText(path);
        if (expected != actual)
        {
            Assert.Fail("The generated code for " + name + " differs from " + path + " (first difference at offset "
                + FirstDifference(expected, actual) + "). If the change is intended, run the tests with " + UpdateVariable
                + "=1 and commit the updated snapshot.\n--- actual ---\n" + actual);
        }
    }

    private static int FirstDifference(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
