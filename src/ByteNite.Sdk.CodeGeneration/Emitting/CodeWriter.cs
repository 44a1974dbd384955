using System.Text;

namespace ByteNite.Sdk.CodeGeneration.Emitting;

/// <summary>Indented lines with "\n" endings, whatever the machine: the same model always gives the same bytes.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;
    private bool _afterBlock;

    /// <summary>Writes a line; a statement right after a closed block gets a blank line before it, as people write C#.</summary>
    public void Line(string line)
    {
        if (_afterBlock && line.Length > 0 && !line.StartsWith("}", System.StringComparison.Ordinal) && !line.StartsWith("else", System.StringComparison.Ordinal))
        {
            _text.Append('\n');
        }

        _afterBlock = false;
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
    }

    public void Line()
    {
        _afterBlock = false;
        _text.Append('\n');
    }

    public void Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
    }

    public void Open()
    {
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        _afterBlock = true;
    }

    public override string ToString() => _text.ToString();
}
