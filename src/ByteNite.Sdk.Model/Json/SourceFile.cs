using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ByteNite.Sdk.Model.Json;

/// <summary>A file's decoded text with the map from offsets to lines and columns.</summary>
public sealed class SourceFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private int[]? _lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    /// <summary>The text without a byte order mark.</summary>
    public string Text { get; }

    /// <summary>
    /// Decodes UTF-8 strictly. Other bytes are not decoded by guesswork (the platform parses these files as UTF-8 too):
    /// <paramref name="encodingProblem"/> says what they are instead, for the "not UTF-8" diagnostics, and the text is
    /// the valid prefix, so that its end is where the problem is.
    /// </summary>
    public static SourceFile FromBytes(string path, byte[] bytes, out string? encodingProblem)
    {
        encodingProblem = OtherUnicodeEncoding(bytes);
        if (encodingProblem is not null)
        {
            return new SourceFile(path, string.Empty);
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new SourceFile(path, StrictUtf8.GetString(bytes, start, bytes.Length - start));
        }
        catch (DecoderFallbackException)
        {
            int invalidByteOffset = FindInvalidUtf8(bytes, start);
            encodingProblem = "byte " + invalidByteOffset.ToString(CultureInfo.InvariantCulture) + " cannot be decoded";
            // The valid prefix still gives the line and column of the bad byte.
            return new SourceFile(path, StrictUtf8.GetString(bytes, start, invalidByteOffset - start));
        }
    }

    /// <exception cref="IOException">
    /// Also when a folder stands where the file should be, which reading would otherwise report as "access denied".
    /// </exception>
    public static SourceFile Read(string path, out string? encodingProblem)
    {
        if (Directory.Exists(path))
        {
            throw new IOException("it is a folder, not a file");
        }

        return FromBytes(path, File.ReadAllBytes(path), out encodingProblem);
    }

    public LinePosition GetLinePosition(int offset)
    {
        int[] lineStarts = _lineStarts ??= ComputeLineStarts(Text);
        int line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - lineStarts[line] + 1);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>The position just after the last character, for problems found at the end of the text.</summary>
    public TextSpan EndSpan => new(Text.Length, 0);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    /// <summary>
    /// UTF-32 and UTF-16, with or without a byte order mark. Without one they still show: JSON text begins with an ASCII
    /// character (RFC 8259), which these encodings store next to zero bytes, and a zero byte is never valid JSON.
    /// </summary>
    private static string? OtherUnicodeEncoding(byte[] b)
    {
        // The UTF-32 marks first: UTF-32 little-endian's begins with UTF-16 little-endian's.
        foreach ((byte[] mark, string encoding, string origin) in ByteOrderMarks)
        {
            if (b.Take(mark.Length).SequenceEqual(mark))
            {
                return "it is " + encoding + " (it starts with the byte order mark " + BitConverter.ToString(mark).Replace('-', ' ') + ")" + origin;
            }
        }

        // A character (nonzero) followed by zeros is little-endian; zeros followed by the character, big-endian.
        bool littleEndian = b.Length > 0 && b[0] != 0;
        string order = littleEndian ? "little-endian" : "big-endian";
        string side = littleEndian ? "followed" : "preceded";
        if (b.Length >= 4 && b[1] == 0 && b[2] == 0 && (b[0] == 0) != (b[3] == 0))
        {
            return "it looks like UTF-32 " + order + " without a byte order mark (its first character is " + side + " by three zero bytes)";
        }

        if (b.Length >= 2 && (b[0] == 0) != (b[1] == 0))
        {
            return "it looks like UTF-16 " + order + " without a byte order mark (its first character is " + side + " by a zero byte)";
        }

        return null;
    }

    private static readonly (byte[] Mark, string Encoding, string Origin)[] ByteOrderMarks =
    {
        (new byte[] { 0xFF, 0xFE, 0, 0 }, "UTF-32 little-endian", string.Empty),
        (new byte[] { 0, 0, 0xFE, 0xFF }, "UTF-32 big-endian", string.Empty),
        // The usual way to get such a file on Windows: `echo {...} > params.json` in Windows PowerShell.
        (new byte[] { 0xFF, 0xFE }, "UTF-16 little-endian", ", as Windows PowerShell 5.1 writes files with '>' and Out-File unless given -Encoding utf8"),
        (new byte[] { 0xFE, 0xFF }, "UTF-16 big-endian", string.Empty),
    };

    /// <summary>The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629).</summary>
    private static int FindInvalidUtf8(byte[] bytes, int start)
    {
        int i = start;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            int length;
            byte min = 0x80, max = 0xBF;
            if (b < 0x80)
            {
                i++;
                continue;
            }
            else if (b >= 0xC2 && b <= 0xDF)
            {
                length = 2;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                length = 3;
                if (b == 0xE0)
                {
                    min = 0xA0;
                }
                else if (b == 0xED)
                {
                    max = 0x9F;
                }
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                length = 4;
                if (b == 0xF0)
                {
                    min = 0x90;
                }
                else if (b == 0xF4)
                {
                    max = 0x8F;
                }
            }
            else
            {
                return i;
            }

            for (int k = 1; k < length; k++)
            {
                if (i + k >= bytes.Length)
                {
                    return i;
                }

                byte c = bytes[i + k];
                if (k == 1 ? c < min || c > max : c < 0x80 || c > 0xBF)
                {
                    return i;
                }
            }

            i += length;
        }

        return bytes.Length;
    }
}
