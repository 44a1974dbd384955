using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>
/// Writes a POSIX tar archive (ustar headers, with pax extended headers where ustar cannot hold a value), deterministically:
/// every header carries the same mtime, uid and gid 0, empty user and group names, and the mode it is given. Names that
/// are longer than 100 bytes or not ASCII go into a pax 'path' record (UTF-8); sizes of 8 GiB and more into a pax
/// 'size' record. The archive ends with two zero blocks and is padded to a 10240-byte record, as GNU tar and Python's
/// tarfile write it. It knows nothing about files or folders on disk: the caller gives it names and bytes.
/// </summary>
public sealed class TarWriter
{
    public const int BlockSize = 512;
    public const int RecordSize = 20 * BlockSize;

    /// <summary>rw-r--r--</summary>
    public const int RegularFileMode = 420;

    /// <summary>rwxr-xr-x: executable files and folders.</summary>
    public const int ExecutableFileMode = 493;

    private const long MaxOctal11 = 8589934591; // 077777777777: the largest value of a 12-byte octal field
    private const string PaxHeaderName = "././@PaxHeader";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _output;
    private readonly long _mtime;
    private readonly byte[] _header = new byte[BlockSize];
    private long _position;

    /// <param name="output">Where the archive goes; written sequentially, never sought.</param>
    /// <param name="mtime">Seconds since 1970-01-01 UTC for every entry (0 to 8^11-1).</param>
    public TarWriter(Stream output, long mtime)
    {
        if (mtime < 0 || mtime > MaxOctal11)
        {
            throw new ArgumentOutOfRangeException(nameof(mtime));
        }

        _output = output;
        _mtime = mtime;
    }

    /// <summary>Bytes written so far.</summary>
    public long Position => _position;

    /// <summary>A folder entry ("app/"), mode 0755.</summary>
    public void WriteDirectory(string path) => WriteHeader(EnsureSafeName(path) + "/", ExecutableFileMode, 0, (byte)'5');

    /// <summary>A regular file: the header, then exactly <paramref name="length"/> bytes that <paramref name="writeContent"/> writes.</summary>
    public void WriteFile(string path, int mode, long length, Action<WriteOnlyStream> writeContent)
    {
        WriteHeader(EnsureSafeName(path), mode, length, (byte)'0');
        long before = _position;
        var counting = new CountingStream(this);
        writeContent(counting);
        if (_position - before != length)
        {
            throw new InvalidDataException(string.Format(CultureInfo.InvariantCulture, "{0} bytes were written for '{1}', {2} were announced", _position - before, path, length));
        }

        Pad();
    }

    public void WriteFile(string path, int mode, byte[] content) =>
        WriteFile(path, mode, content.Length, stream => stream.Write(content, 0, content.Length));

    /// <summary>The end-of-archive marker and the padding to a whole record.</summary>
    public void Finish()
    {
        long end = _position + 2 * BlockSize;
        long padded = (end + RecordSize - 1) / RecordSize * RecordSize;
        WriteZeros(padded - _position);
    }

    /// <summary>
    /// Rejects a name that could land outside the extraction folder or that readers would interpret differently:
    /// empty, absolute, with '.', '..' or empty parts, a backslash, or a NUL.
    /// </summary>
    public static string EnsureSafeName(string path)
    {
        if (path.Length == 0 || path[0] == '/' || path.IndexOf('\\') >= 0 || path.IndexOf('\0') >= 0 || (path.Length > 1 && path[1] == ':'))
        {
            throw new ArgumentException("Unsafe member name '" + path + "'.", nameof(path));
        }

        foreach (string part in path.Split('/'))
        {
            if (part.Length == 0 || part == "." || part == "..")
            {
                throw new ArgumentException("Unsafe member name '" + path + "'.", nameof(path));
            }
        }

        return path;
    }

    private void WriteHeader(string name, int mode, long size, byte typeflag)
    {
        byte[] nameBytes = Utf8.GetBytes(name);
        bool nameFits = nameBytes.Length <= 100 && IsAscii(nameBytes);
        bool sizeFits = size <= MaxOctal11;
        if (!nameFits || !sizeFits)
        {
            var records = new StringBuilder();
            if (!nameFits)
            {
                records.Append(PaxRecord("path", name));
            }

            if (!sizeFits)
            {
                records.Append(PaxRecord("size", size.ToString(CultureInfo.InvariantCulture)));
            }

            byte[] recordBytes = Utf8.GetBytes(records.ToString());
            FillHeader(Encoding.ASCII.GetBytes(PaxHeaderName), RegularFileMode, recordBytes.Length, (byte)'x');
            Write(_header, 0, BlockSize);
            Write(recordBytes, 0, recordBytes.Length);
            Pad();
        }

        // With a pax 'path', the ustar name is a readable ASCII stand-in that old readers would use.
        byte[] ustarName = nameFits ? nameBytes : AsciiStandIn(name);
        FillHeader(ustarName, mode, sizeFits ? size : 0, typeflag);
        Write(_header, 0, BlockSize);
    }

    private void FillHeader(byte[] name, int mode, long size, byte typeflag)
    {
        Array.Clear(_header, 0, BlockSize);
        Buffer.BlockCopy(name, 0, _header, 0, Math.Min(name.Length, 100));
        WriteOctal(100, 8, mode);
        WriteOctal(108, 8, 0); // uid
        WriteOctal(116, 8, 0); // gid
        WriteOctal(124, 12, size);
        WriteOctal(136, 12, _mtime);
        _header[156] = typeflag;
        WriteAscii(257, "ustar\0");
        WriteAscii(263, "00");
        // uname (265) and gname (297) stay empty; devmajor and devminor are zero.
        WriteOctal(329, 8, 0);
        WriteOctal(337, 8, 0);

        // The checksum is computed with its own field as eight spaces.
        for (int i = 148; i < 156; i++)
        {
            _header[i] = (byte)' ';
        }

        int checksum = 0;
        for (int i = 0; i < BlockSize; i++)
        {
            checksum += _header[i];
        }

        WriteOctal(148, 7, checksum);
        _header[155] = (byte)' ';
    }

    /// <summary>A zero-padded octal number of width-1 digits followed by NUL.</summary>
    private void WriteOctal(int offset, int width, long value)
    {
        string digits = Convert.ToString(value, 8).PadLeft(width - 1, '0');
        WriteAscii(offset, digits);
        _header[offset + width - 1] = 0;
    }

    private void WriteAscii(int offset, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            _header[offset + i] = (byte)text[i];
        }
    }

    /// <summary>"%d key=value\n" where %d counts the whole record, its own digits included.</summary>
    private static string PaxRecord(string key, string value)
    {
        int payload = Utf8.GetByteCount(key) + Utf8.GetByteCount(value) + 3; // ' ', '=', '\n'
        int length = payload + Digits(payload);
        if (Digits(length) != Digits(payload))
        {
            // Adding the digits gave the length one more digit (e.g. 98 + 2 = 100).
            length = payload + Digits(length);
        }

        return length.ToString(CultureInfo.InvariantCulture) + " " + key + "=" + value + "\n";
    }

    private static int Digits(int value) => value.ToString(CultureInfo.InvariantCulture).Length;

    private static byte[] AsciiStandIn(string name)
    {
        var builder = new StringBuilder();
        foreach (char c in name)
        {
            builder.Append(c < 0x80 ? c : '_');
        }

        // Keep the end of the name: it carries the file name, which is what a person recognises.
        string text = builder.ToString();
        return Encoding.ASCII.GetBytes(text.Length <= 100 ? text : text.Substring(text.Length - 100));
    }

    private static bool IsAscii(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private void Pad()
    {
        int remainder = (int)(_position % BlockSize);
        if (remainder != 0)
        {
            WriteZeros(BlockSize - remainder);
        }
    }

    private void WriteZeros(long count)
    {
        var zeros = new byte[Math.Min(count, RecordSize)];
        while (count > 0)
        {
            int chunk = (int)Math.Min(count, zeros.Length);
            Write(zeros, 0, chunk);
            count -= chunk;
        }
    }

    private void Write(byte[] buffer, int offset, int count)
    {
        _output.Write(buffer, offset, count);
        _position += count;
    }

    /// <summary>What a file's content is written to: the archive, counted, so a short or long write is caught.</summary>
    private sealed class CountingStream : WriteOnlyStream
    {
        private readonly TarWriter _writer;

        public CountingStream(TarWriter writer) => _writer = writer;

        public override void Write(byte[] buffer, int offset, int count) => _writer.Write(buffer, offset, count);

        public override int WriteFrom(Stream source, int count)
        {
            if (_writer._output is not WriteOnlyStream direct)
            {
                return base.WriteFrom(source, count);
            }

            int read = direct.WriteFrom(source, count);
            _writer._position += read;
            return read;
        }
    }
}
