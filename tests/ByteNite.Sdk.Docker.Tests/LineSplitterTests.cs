using System.Collections.Generic;
using System.Linq;
using System.Text;
using ByteNite.Sdk.LocalRunner.Running;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>How the app's output becomes the lines of the console and container.log, whatever the chunks Docker sends.</summary>
public class LineSplitterTests
{
    [Theory]
    [InlineData("one\ntwo\n", new[] { "one", "two" })]
    [InlineData("one\r\ntwo\r\n", new[] { "one", "two" })]
    [InlineData("progress 10%\rprogress 20%\rprogress 30%\n", new[] { "progress 10%", "progress 20%", "progress 30%" })]
    [InlineData("blank\n\nline\n", new[] { "blank", "", "line" })]
    [InlineData("no line break at the end", new[] { "no line break at the end" })]
    public void Line_feeds_and_lone_carriage_returns_end_lines_and_CRLF_ends_one(string output, string[] expected)
    {
        // Every way of cutting the output into two chunks gives the same lines.
        byte[] bytes = Encoding.UTF8.GetBytes(output);
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            Assert.Equal(expected, Split(bytes[..cut], bytes[cut..]));
        }
    }

    [Fact]
    public void A_character_cut_between_chunks_is_decoded_whole()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("café 😀\n");

        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            Assert.Equal(new[] { "café 😀" }, Split(bytes[..cut], bytes[cut..]));
        }
    }

    [Fact]
    public void Output_without_line_breaks_is_cut_into_lines_of_bounded_length_without_splitting_a_character()
    {
        string longLine = new string('x', (2 * LineSplitter.MaxLineLength) + 100);
        string straddling = new string('y', LineSplitter.MaxLineLength - 1) + "😀" + "z";

        List<string> lines = Split(Encoding.UTF8.GetBytes(longLine + "\n" + straddling + "\n"));

        Assert.Equal(new[] { LineSplitter.MaxLineLength, LineSplitter.MaxLineLength, 100, LineSplitter.MaxLineLength + 1, 1 }, lines.Select(l => l.Length));
        Assert.Equal(longLine, string.Concat(lines.Take(3)));
        Assert.EndsWith("😀", lines[3]);
        Assert.Equal("z", lines[4]);
    }

    private static List<string> Split(params byte[][] chunks)
    {
        var lines = new List<string>();
        var splitter = new LineSplitter(lines.Add);
        foreach (byte[] chunk in chunks)
        {
            splitter.Add(chunk, chunk.Length);
        }

        splitter.Flush();
        return lines;
    }
}
