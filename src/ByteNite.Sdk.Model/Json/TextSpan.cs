namespace ByteNite.Sdk.Model.Json;

/// <summary>A range of characters in a file's decoded text.</summary>
public readonly struct TextSpan
{
    public TextSpan(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public override string ToString() => "[" + Start + ".." + End + ")";
}

/// <summary>A one-based line and column, as MSBuild and editors display them.</summary>
public readonly struct LinePosition
{
    public LinePosition(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    public override string ToString() => "(" + Line + "," + Column + ")";
}

public readonly struct LinePositionSpan
{
    public LinePositionSpan(LinePosition start, LinePosition end)
    {
        Start = start;
        End = end;
    }

    public LinePosition Start { get; }

    public LinePosition End { get; }

    public override string ToString() => Start + "-" + End;
}
