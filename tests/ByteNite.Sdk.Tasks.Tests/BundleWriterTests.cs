using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ByteNite.Sdk.Tasks.Bundle;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>One pass writes the archive, its SHA-256 and the push body, across buffer boundaries and deterministically.</summary>
public class BundleWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(786431)]
    [InlineData(786432)]
    [InlineData(3_000_001)]
    public void Push_body_is_the_Base64_of_the_archive_and_the_digest_is_its_SHA256(int size)
    {
        using var folder = new TempFolder();
        string big = Path.Combine(folder.Path, "big.bin");
        File.WriteAllBytes(big, Enumerable.Range(0, size).Select(i => (byte)(i * 7 + 3)).ToArray());
        var files = new[] { new BundleFile("app/big.bin", big, TarWriter.RegularFileMode, size) };

        (byte[] tar, string body, BundleWriteResult result) = Write(files);

        Assert.Equal(SHA256.HashData(tar), result.Sha256);
        Assert.Equal(tar.Length, result.Length);
        Assert.Equal("{\"data\": \"" + Convert.ToBase64String(tar) + "\"}", body);
        var members = TarWriterTests.ReadBack(tar);
        Assert.Equal(new[] { "app/", "app/big.bin" }, members.Select(m => m.Name));
        Assert.Equal(File.ReadAllBytes(big), members[1].Content);
    }

    [Fact]
    public void Same_files_give_the_same_bytes_and_folders_come_before_their_content()
    {
        using var folder = new TempFolder();
        var files = new[] { "b.py", "a/z.py", "a-b/c.py", "a/y/x.py", "a.py" }
            .Select(name => new BundleFile(name, folder.Write(name.Replace('/', '_'), name), TarWriter.RegularFileMode, name.Length))
            .ToArray();

        (byte[] first, _, _) = Write(files);
        (byte[] second, _, _) = Write(files.Reverse().ToArray());

        Assert.Equal(first, second);
        Assert.Equal(new[] { "a-b/", "a-b/c.py", "a.py", "a/", "a/y/", "a/y/x.py", "a/z.py", "b.py" }, TarWriterTests.ReadBack(first).Select(m => m.Name));
    }

    [Fact]
    public void Files_read_straight_into_the_buffers_give_the_archive_a_plain_stream_gets()
    {
        // Odd sizes, so that headers, contents and padding fall across the writer's buffers at every offset.
        using var folder = new TempFolder();
        var files = Enumerable.Range(0, 24)
            .Select(i => (Name: "app/f" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), Content: Enumerable.Range(0, 100_003 * i + 7).Select(b => (byte)(b * 31 + i)).ToArray()))
            .ToArray();
        var bundleFiles = files.Select(f =>
        {
            string path = Path.Combine(folder.Path, f.Name.Replace('/', '_'));
            File.WriteAllBytes(path, f.Content);
            return new BundleFile(f.Name, path, TarWriter.RegularFileMode, f.Content.Length);
        }).ToArray();

        (byte[] tar, _, _) = Write(bundleFiles);

        byte[] expected = TarWriterTests.Write(w =>
        {
            w.WriteDirectory("app");
            foreach ((string name, byte[] content) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                w.WriteFile(name, TarWriter.RegularFileMode, content);
            }
        });
        Assert.Equal(expected, tar);
    }

    [Fact]
    public void A_file_that_disappears_is_a_read_error_naming_it()
    {
        using var folder = new TempFolder();
        var files = new[] { new BundleFile("app/gone.py", Path.Combine(folder.Path, "gone.py"), TarWriter.RegularFileMode, 3) };

        BundleReadException error = Assert.Throws<BundleReadException>(() => Write(files));

        Assert.Equal(Path.Combine(folder.Path, "gone.py"), error.FilePath);
    }

    [Fact]
    public void A_full_disk_while_writing_is_a_write_error_not_a_read_error_of_the_file_being_read()
    {
        using var folder = new TempFolder();
        string big = Path.Combine(folder.Path, "big.bin");
        File.WriteAllBytes(big, new byte[3_000_000]); // several of the writer's buffers
        var files = new[] { new BundleFile("app/big.bin", big, TarWriter.RegularFileMode, 3_000_000) };

        BundleWriteException error = Assert.Throws<BundleWriteException>(
            () => BundleWriter.Write(BundleEntry.Plan(files, new Dictionary<string, byte[]>()), 0, new FullDisk(), new MemoryStream()));

        Assert.Equal("No space left on device", error.Message);
    }

    private static (byte[] Tar, string Body, BundleWriteResult Result) Write(IEnumerable<BundleFile> files)
    {
        var tar = new MemoryStream();
        var body = new MemoryStream();
        BundleWriteResult result = BundleWriter.Write(BundleEntry.Plan(files, new Dictionary<string, byte[]>()), 0, tar, body);
        return (tar.ToArray(), Encoding.ASCII.GetString(body.ToArray()), result);
    }

    /// <summary>An output that takes one buffer, then fails as a full disk does.</summary>
    private sealed class FullDisk : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length > 0)
            {
                throw new IOException("No space left on device");
            }

            base.Write(buffer, offset, count);
        }
    }
}
