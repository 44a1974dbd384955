using System;
using System.Linq;
using System.Text;
using ByteNite.Sdk.Tasks.Bundle;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>The push body's encoder gives exactly what the runtime's Base64 gives, for every length and every byte.</summary>
public class Base64AsciiTests
{
    public static TheoryData<int> Lengths()
    {
        // Every length up to a few blocks (the vector loop stops 4 bytes before the end and leaves the rest to the
        // runtime), and lengths around the pack's own buffer.
        var lengths = new TheoryData<int>();
        foreach (int length in Enumerable.Range(0, 130).Concat(new[] { 786_431, 786_432, 786_433, 1_000_003 }))
        {
            lengths.Add(length);
        }

        return lengths;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Encodes_as_the_runtime_does(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        byte[] output = new byte[Base64Ascii.EncodedLength(length)];

        int written = Base64Ascii.Encode(data, output);

        Assert.Equal(output.Length, written);
        Assert.Equal(Convert.ToBase64String(data), Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void Every_byte_value_at_every_position_of_a_group_encodes_as_the_runtime_does()
    {
        // 256 x 3 bytes: each value once in each of a 3-byte group's positions, so all 64 characters appear everywhere.
        byte[] data = Enumerable.Range(0, 768).Select(i => (byte)(i / 3 + i % 3 * 85)).ToArray();
        byte[] output = new byte[Base64Ascii.EncodedLength(data.Length)];

        Base64Ascii.Encode(data, output);

        Assert.Equal(Convert.ToBase64String(data), Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void A_destination_too_short_is_refused_before_anything_is_written()
    {
        byte[] output = new byte[31];

        Assert.Throws<ArgumentException>(() => Base64Ascii.Encode(new byte[24], output));
        Assert.All(output, b => Assert.Equal(0, b));
    }
}
