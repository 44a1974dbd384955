using System;
using System.Text;

namespace ByteNite.Sdk.LocalRunner.Running;

/// <summary>
/// One output stream of the app as lines. A carriage return alone ends a line too, so that a progress bar
/// ("\r 40%") shows as it goes rather than once at its end, and a line longer than <see cref="MaxLineLength"/> is
/// cut there, so that an app writing without newlines cannot fill the runner's memory.
/// </summary>
internal sealed class LineSplitter
{
    public const int MaxLineLength = 32 * 1024;

    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _line = new();
    private readonly Action<string> _onLine;
    private char[] _chars = Array.Empty<char>();
    private bool _afterCarriageReturn;

    public LineSplitter(Action<string> onLine) => _onLine = onLine;

    public void Add(byte[] bytes, int count)
    {
        int needed = _decoder.GetCharCount(bytes, 0, count);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }

        int chars = _decoder.GetChars(bytes, 0, count, _chars, 0);
        for (int i = 0; i < chars; i++)
        {
            char c = _chars[i];
            bool lineFeedOfCrLf = c == '\n' && _afterCarriageReturn;
            _afterCarriageReturn = c == '\r';
            if (lineFeedOfCrLf)
            {
                continue;
            }

            if (c is '\n' or '\r')
            {
                Emit();
                continue;
            }

            _line.Append(c);
            if (_line.Length >= MaxLineLength && !char.IsHighSurrogate(c))
            {
                Emit();
            }
        }
    }

    /// <summary>The last line, when the stream did not end with a line break.</summary>
    public void Flush()
    {
        if (_line.Length > 0)
        {
            Emit();
        }
    }

    private void Emit()
    {
        _onLine(_line.ToString());
        _line.Clear();
    }
}
