using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using ByteNite.Sdk.Tasks.Bundle;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ByteNite.Sdk.Tests.Shared;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>The pack task on inputs a real build rarely produces: a file that cannot be read when it is packed.</summary>
public class PackTaskTests
{
    [Fact]
    public void A_file_that_cannot_be_read_is_BN3003_not_a_crash_and_no_bundle_is_left()
    {
        using var folder = new TempFolder();
        folder.Write("manifest.json", "{\"name\": \"a\", \"version\": \"0.1\", \"entrypoint\": \"main.py\"}");
        string main = folder.Write("app/main.py", "print(1)\n");
        var engine = new RecordingEngine();
        PackByteNiteBundle task = PackTask(folder, engine, main);
        File.Delete(main); // chosen by the selection, gone when it is packed

        bool succeeded = task.Execute();

        Assert.False(succeeded);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("BN3003", error.Code);
        Assert.Equal(main, error.File);
        Assert.StartsWith($"'{main}' cannot be read into the bundle: Could not find file", error.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, "out")));
    }

    [Fact]
    public void Temporary_files_left_by_an_interrupted_pack_are_replaced()
    {
        using var folder = new TempFolder();
        folder.Write("manifest.json", "{\"name\": \"a\", \"version\": \"0.1\", \"entrypoint\": \"main.py\"}");
        string main = folder.Write("app/main.py", "print(1)\n");
        folder.Write("out/a-0.1.tar.tmp", "left by a pack that was killed");
        folder.Write("out/a-0.1.push.json.tmp", "left by a pack that was killed");
        var engine = new RecordingEngine();
        PackByteNiteBundle task = PackTask(folder, engine, main);

        bool succeeded = task.Execute();

        Assert.True(succeeded, string.Join("\n", engine.Errors.Select(e => e.Code + ": " + e.Message)));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, "out"), "*.tmp"));
        byte[] archive = File.ReadAllBytes(Path.Combine(folder.Path, "out", "a-0.1.tar"));
        Assert.Equal("app/", System.Text.Encoding.ASCII.GetString(archive, 0, 4)); // the first member's name, not the leftover
    }

    [UnixNonRootFact]
    [UnsupportedOSPlatform("windows")]
    public void Selection_of_a_directory_that_cannot_be_listed_is_BN3003()
    {
        using var folder = new TempFolder();
        folder.Write("manifest.json", "{\"name\": \"a\", \"version\": \"0.1\", \"entrypoint\": \"main.py\"}");
        folder.Write("app/main.py", "print(1)\n");
        string locked = Path.Combine(folder.Path, "app", "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            BundleSelection selection = BundleSelector.Select(new BundleSelectionOptions(folder.Path));
            Assert.Contains(selection.Diagnostics, d => d.Id == "BN3003" && d.FilePath == locked);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The pack task on the folder's manifest.json and app/main.py, writing into out/.</summary>
    private static PackByteNiteBundle PackTask(TempFolder folder, RecordingEngine engine, string main) => new()
    {
        BuildEngine = engine,
        AppDirectory = folder.Path,
        OutputDirectory = Path.Combine(folder.Path, "out"),
        Files = new ITaskItem[] { Item(Path.Combine(folder.Path, "manifest.json"), "manifest.json"), Item(main, "app/main.py") },
    };

    private static ITaskItem Item(string path, string bundlePath)
    {
        var item = new TaskItem(path);
        item.SetMetadata("BundlePath", bundlePath);
        item.SetMetadata("Mode", "644");
        return item;
    }
}
