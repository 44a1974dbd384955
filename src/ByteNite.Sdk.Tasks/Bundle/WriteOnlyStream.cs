using System;
using System.IO;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>A forward-only stream that can only be written: what the tar writer writes to and hands to content writers.</summary>
public abstract class WriteOnlyStream : Stream
{
    /// <summary>
    /// The most <see cref="WriteFrom"/> reads at once. Larger reads made packing slower, not faster: the kernel's copy of a
    /// whole 768 KB buffer no longer stays in the CPU's cache for the threads that hash and encode it.
    /// </summary>
    protected const int ReadSize = 1 << 17;

    private byte[]? _scratch;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    /// <summary>
    /// Reads at most <paramref name="count"/> bytes of <paramref name="source"/> and writes them; returns how many (0 when
    /// the source has ended). A stream with buffers of its own reads straight into them, saving a copy of every byte.
    /// </summary>
    public virtual int WriteFrom(Stream source, int count)
    {
        byte[] buffer = _scratch ??= new byte[ReadSize];
        int read = source.Read(buffer, 0, Math.Min(count, buffer.Length));
        Write(buffer, 0, read);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
