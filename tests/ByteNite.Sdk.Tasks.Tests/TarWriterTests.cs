using System;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Text;
using ByteNite.Sdk.Tasks.Bundle;
using TarWriter = ByteNite.Sdk.Tasks.Bundle.TarWriter;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>The archive format, byte for byte where it matters, and read back with .NET's own tar reader.</summary>
public class TarWriterTests
{
    [Fact]
    public void Ustar_header_fields_are_fixed_and_the_checksum_is_valid()
    {
        byte[] archive = Write(w => w.WriteFile("app/main.py", TarWriter.ExecutableFileMode, Encoding.ASCII.GetBytes("print(1)\n")));

        Assert.Equal(TarWriter.RecordSize, archive.Length);
        Assert.Equal("app/main.py", Field(archive, 0, 100));
        Assert.Equal("0000755", Field(archive, 100, 8));
        Assert.Equal("0000000", Field(archive, 108, 8));
        Assert.Equal("0000000", Field(archive, 116, 8));
        Assert.Equal("00000000011", Field(archive, 124, 12));
        Assert.Equal("00000000000", Field(archive, 136, 12));
        Assert.Equal((byte)'0', archive[156]);
        Assert.Equal("ustar", Field(archive, 257, 6));
        Assert.Equal("00", Encoding.ASCII.GetString(archive, 263, 2));
        Assert.Equal(string.Empty, Field(archive, 265, 32));
        Assert.Equal(string.Empty, Field(archive, 297, 32));

        int sum = archive.Take(512).Select((b, i) => i is >= 148 and < 156 ? (int)' ' : b).Sum();
        Assert.Equal(Convert.ToString(sum, 8).PadLeft(6, '0'), Field(archive, 148, 7));
        Assert.Equal("print(1)\n", Encoding.ASCII.GetString(archive, 512, 9));
        Assert.All(archive.Skip(1024), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(200)]
    [InlineData(1000)]
    public void Names_longer_than_ustar_allows_are_read_back_whole(int length)
    {
        string name = "app/" + new string('n', length - 7) + ".py";
        Assert.Equal(length, name.Length);

        var read = ReadBack(Write(w => w.WriteFile(name, TarWriter.RegularFileMode, new byte[] { 1, 2, 3 })));

        Assert.Equal(name, read.Single().Name);
        Assert.Equal(new byte[] { 1, 2, 3 }, read.Single().Content);
    }

    [Fact]
    public void Pax_record_lengths_count_their_own_digits()
    {
        // Values around the point where the record's length gains a digit (a record of 99 / 100 bytes).
        for (int length = 80; length < 120; length++)
        {
            string name = new string('p', length);
            Assert.Equal(name, ReadBack(Write(w => w.WriteFile(name, TarWriter.RegularFileMode, Array.Empty<byte>()))).Single().Name);
        }
    }

    [Fact]
    public void Non_ASCII_names_are_stored_as_UTF8_in_pax_records()
    {
        var read = ReadBack(Write(w => w.WriteFile("app/données/café.txt", TarWriter.RegularFileMode, Array.Empty<byte>())));

        Assert.Equal("app/données/café.txt", read.Single().Name);
    }

    [Fact]
    public void Directories_have_a_trailing_slash_and_mode_0755()
    {
        var read = ReadBack(Write(w => w.WriteDirectory("app")));

        Assert.Equal("app/", read.Single().Name);
        Assert.Equal(TarEntryType.Directory, read.Single().Type);
        Assert.Equal((UnixFileMode)TarWriter.ExecutableFileMode, read.Single().Mode);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("app/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("app//x")]
    [InlineData("app/./x")]
    [InlineData("C:/x")]
    [InlineData("app\\x")]
    [InlineData("")]
    public void Names_that_could_escape_on_extraction_are_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => Write(w => w.WriteFile(name, TarWriter.RegularFileMode, Array.Empty<byte>())));
    }

    [Fact]
    public void Content_of_another_length_than_announced_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => Write(w => w.WriteFile("a", TarWriter.RegularFileMode, 5, s => s.Write(new byte[3], 0, 3))));
    }

    [Fact]
    public void Content_read_from_a_stream_is_counted_whatever_the_output()
    {
        byte[] content = Enumerable.Range(0, 300_001).Select(i => (byte)(i * 13)).ToArray();

        var read = ReadBack(Write(w => w.WriteFile("a", TarWriter.RegularFileMode, content.Length, s =>
        {
            var source = new MemoryStream(content);
            while (s.WriteFrom(source, int.MaxValue) > 0)
            {
            }
        })));

        Assert.Equal(content, read.Single().Content);
        Assert.Throws<InvalidDataException>(() => Write(w => w.WriteFile("a", TarWriter.RegularFileMode, 5, s => s.WriteFrom(new MemoryStream(new byte[3]), 5))));
    }

    [Fact]
    public void The_timestamp_is_the_one_given()
    {
        var read = ReadBack(new TarWriterHarness(1700000000).Write(w => w.WriteFile("a", TarWriter.RegularFileMode, Array.Empty<byte>())));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), read.Single().ModificationTime);
    }

    internal static byte[] Write(Action<TarWriter> write) => new TarWriterHarness(0).Write(write);

    internal static (string Name, TarEntryType Type, UnixFileMode Mode, DateTimeOffset ModificationTime, byte[] Content)[] ReadBack(byte[] archive)
    {
        var entries = new System.Collections.Generic.List<(string, TarEntryType, UnixFileMode, DateTimeOffset, byte[])>();
        using var reader = new TarReader(new MemoryStream(archive));
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries.Add((entry.Name, entry.EntryType, entry.Mode, entry.ModificationTime, content.ToArray()));
        }

        return entries.ToArray();
    }

    private static string Field(byte[] archive, int offset, int length)
    {
        int end = Array.IndexOf(archive, (byte)0, offset, length);
        return Encoding.ASCII.GetString(archive, offset, (end < 0 ? offset + length : end) - offset);
    }

    private sealed class TarWriterHarness
    {
        private readonly long _mtime;

        public TarWriterHarness(long mtime) => _mtime = mtime;

        public byte[] Write(Action<TarWriter> write)
        {
            var stream = new MemoryStream();
            var writer = new TarWriter(stream, _mtime);
            write(writer);
            writer.Finish();
            return stream.ToArray();
        }
    }
}
