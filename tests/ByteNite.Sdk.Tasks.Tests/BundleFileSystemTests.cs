using System;
using System.IO;
using ByteNite.Sdk.Tasks.Bundle;
using ByteNite.Sdk.Tests.Shared;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>Link resolution as realpath(3) does it, which the "nothing outside the app folder" check relies on.</summary>
public class BundleFileSystemTests
{
    [UnixFact]
    public void Dot_dot_after_a_link_goes_up_from_the_links_target()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "a", "b"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "a", "c"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "l"), "a/b");

        RealPathResult result = BundleFileSystem.RealPath(Path.Combine(folder.Path, "l") + "/../c");

        Assert.Equal(RealPathStatus.Exists, result.Status);
        Assert.Equal(Path.Combine(BundleFileSystem.RealPath(folder.Path).Path, "a", "c"), result.Path);
    }

    [UnixFact]
    public void Loops_dangling_links_and_plain_paths_are_told_apart()
    {
        using var folder = new TempFolder();
        string real = BundleFileSystem.RealPath(folder.Path).Path;
        File.CreateSymbolicLink(Path.Combine(folder.Path, "x"), "y");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "y"), "x");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "dangling"), "../../nowhere/at/all");
        folder.Write("plain.txt", "x");

        Assert.Equal(RealPathStatus.Loop, BundleFileSystem.RealPath(Path.Combine(folder.Path, "x")).Status);
        RealPathResult dangling = BundleFileSystem.RealPath(Path.Combine(folder.Path, "dangling"));
        Assert.Equal(RealPathStatus.Missing, dangling.Status);
        Assert.False(BundleFileSystem.IsInside(dangling.Path, real));
        Assert.Equal(new RealPathResult(Path.Combine(real, "plain.txt"), RealPathStatus.Exists), BundleFileSystem.RealPath(Path.Combine(folder.Path, "plain.txt")));
    }

    [UnixTheory]
    [InlineData("/a/b", "/a", true)]
    [InlineData("/a", "/a/", true)]
    [InlineData("/ab", "/a", false)]
    [InlineData("/a/b", "/", true)]
    [InlineData("/b", "/a", false)]
    public void Inside_means_the_folder_or_below_it(string path, string folder, bool expected)
    {
        Assert.Equal(expected, BundleFileSystem.IsInside(path, folder));
    }
}
