using System;
using System.Collections.Generic;
using System.IO;
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
    /// Decodes UTF-8 strictly. Invalid bytes are not replaced silently: the platform parses these files as UTF-8 too,
    /// so the offset of the first invalid byte is returned for a diagnostic instead.
    /// </summary>
    public static SourceFile FromBytes(string path, byte[] bytes, out int invalidUtf8ByteOffset)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        invalidUtf8ByteOffset = -1;
        try
        {
            return new SourceFile(path, StrictUtf8.GetString(bytes, start, bytes.Length - start));
        }
        catch (DecoderFallbackException)
        {
            invalidUtf8ByteOffset = FindInvalidUtf8(bytes, start);
            // The valid prefix still gives the line and column of the bad byte.
            int validLength = invalidUtf8ByteOffset - start;
            return new SourceFile(path, StrictUtf8.GetString(bytes, start, validLength));
        }
    }

    public static SourceFile Read(string path, out int invalidUtf8ByteOffset) =>
        FromBytes(path, File.ReadAllBytes(path), out invalidUtf8ByteOffset);

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
