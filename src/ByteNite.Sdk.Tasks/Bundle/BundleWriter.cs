using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>A file of the bundle could not be read (or changed while it was read): reported as BN3003.</summary>
public sealed class BundleReadException : Exception
{
    public BundleReadException(string path, string reason, Exception? inner = null)
        : base(reason, inner)
    {
        FilePath = path;
    }

    public string FilePath { get; }
}

/// <summary>Writing the archive or the push body failed (a full disk): reported as BN3010, never as a file that cannot be read.</summary>
public sealed class BundleWriteException : IOException
{
    public BundleWriteException(Exception inner)
        : base(inner.Message, inner)
    {
    }
}

public sealed class BundleWriteResult
{
    public BundleWriteResult(byte[] sha256, long length, IReadOnlyList<(BundleEntry Entry, long Length)> members)
    {
        Sha256 = sha256;
        Length = length;
        Members = members;
    }

    public byte[] Sha256 { get; }

    /// <summary>The archive's size in bytes.</summary>
    public long Length { get; }

    /// <summary>Each member with the size stored for it.</summary>
    public IReadOnlyList<(BundleEntry Entry, long Length)> Members { get; }
}

/// <summary>
/// Writes the archive and, in the same pass, its SHA-256 and the push request body ({"data": "&lt;Base64 of the archive&gt;"}).
/// The archive's bytes are produced once (reading the files straight into buffers) and consumed by three threads: one
/// writes the .tar, one hashes it, one Base64-encodes it into the request body. Nothing is read twice and every core is
/// used.
/// </summary>
public static class BundleWriter
{
    /// <summary>A multiple of 3, so every buffer but the last encodes to Base64 without a remainder.</summary>
    private const int BufferSize = 3 << 18;

    private const int BufferCount = 6;

    public static BundleWriteResult Write(IReadOnlyList<BundleEntry> entries, long mtime, Stream tar, Stream pushBody)
    {
        using var pipeline = new Pipeline(tar, pushBody);
        var members = new List<(BundleEntry, long)>(entries.Count);
        try
        {
            var writer = new TarWriter(pipeline, mtime);
            foreach (BundleEntry entry in entries)
            {
                if (entry.IsDirectory)
                {
                    writer.WriteDirectory(entry.Path);
                    members.Add((entry, 0));
                }
                else if (entry.Content is { } content)
                {
                    writer.WriteFile(entry.Path, entry.Mode, content);
                    members.Add((entry, content.Length));
                }
                else
                {
                    members.Add((entry, WriteFromDisk(writer, entry)));
                }
            }

            writer.Finish();
            pipeline.Complete();
            return new BundleWriteResult(pipeline.Sha256!, writer.Position, members);
        }
        finally
        {
            pipeline.Stop();
        }
    }

    private static long WriteFromDisk(TarWriter writer, BundleEntry entry)
    {
        string path = entry.SourcePath!;
        try
        {
            // An empty file is not opened: a named pipe, a socket or a device also reports length 0, and opening a pipe
            // would wait for a writer forever. All of them are stored as empty files.
            if (new FileInfo(path).Length == 0)
            {
                writer.WriteFile(entry.Path, entry.Mode, 0, _ => { });
                return 0;
            }

            using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            long length = source.Length;
            writer.WriteFile(entry.Path, entry.Mode, length, output =>
            {
                long remaining = length;
                while (remaining > 0)
                {
                    int read = output.WriteFrom(source, (int)Math.Min(int.MaxValue, remaining));
                    if (read == 0)
                    {
                        throw new BundleReadException(path, "it became shorter while it was being packed");
                    }

                    remaining -= read;
                }

                if (source.ReadByte() != -1)
                {
                    throw new BundleReadException(path, "it became longer while it was being packed");
                }
            });
            return length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException && e is not BundleWriteException)
        {
            throw new BundleReadException(path, BundleSelector.Sentence(e), e);
        }
    }

    /// <summary>The stream the tar is written to: fills buffers and hands each full one to the two consumers.</summary>
    private sealed class Pipeline : WriteOnlyStream
    {
        private static readonly byte[] BodyStart = Encoding.ASCII.GetBytes("{\"data\": \"");
        private static readonly byte[] BodyEnd = Encoding.ASCII.GetBytes("\"}");

        private readonly BlockingCollection<Chunk> _free = new();
        private readonly BlockingCollection<Chunk>[] _queues;
        private readonly Thread[] _threads;
        private int _allocated;
        private readonly Stream _tar;
        private readonly Stream _body;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private Chunk _current;
        private Exception? _failure;

        public Pipeline(Stream tar, Stream body)
        {
            _tar = tar;
            _body = body;
            _current = Take();
            _body.Write(BodyStart, 0, BodyStart.Length);
            Action<Chunk>[] consumers = { WriteTar, Hash, WriteBase64 };
            _queues = new BlockingCollection<Chunk>[consumers.Length];
            _threads = new Thread[consumers.Length];
            for (int i = 0; i < consumers.Length; i++)
            {
                var queue = _queues[i] = new BlockingCollection<Chunk>();
                Action<Chunk> consume = consumers[i];
                _threads[i] = new Thread(() => Consume(queue, consume)) { IsBackground = true, Name = "ByteNite bundle writer " + i };
                _threads[i].Start();
            }
        }

        public byte[]? Sha256 { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int chunk = Math.Min(count, BufferSize - _current.Length);
                Buffer.BlockCopy(buffer, offset, _current.Data, _current.Length, chunk);
                Filled(chunk);
                offset += chunk;
                count -= chunk;
            }
        }

        /// <summary>Reads straight into the current buffer: a file's bytes are copied once, by the kernel.</summary>
        public override int WriteFrom(Stream source, int count)
        {
            int read = source.Read(_current.Data, _current.Length, Math.Min(Math.Min(count, ReadSize), BufferSize - _current.Length));
            Filled(read);
            return read;
        }

        /// <summary>Hands over the last buffer and waits for both consumers; throws what either of them threw.</summary>
        public void Complete()
        {
            if (_current.Length > 0)
            {
                Hand(_current);
            }

            Stop();
            ThrowIfFailed();
            _body.Write(BodyEnd, 0, BodyEnd.Length);
            _tar.Flush();
            _body.Flush();
            Sha256 = _hash.GetHashAndReset();
        }

        /// <summary>Ends the consumers when writing stopped early (an exception in the producer).</summary>
        public void Stop()
        {
            foreach (BlockingCollection<Chunk> queue in _queues)
            {
                queue.CompleteAdding();
            }

            foreach (Thread thread in _threads)
            {
                thread.Join();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
                _free.Dispose();
                foreach (BlockingCollection<Chunk> queue in _queues)
                {
                    queue.Dispose();
                }
            }

            base.Dispose(disposing);
        }

        private void Filled(int count)
        {
            _current.Length += count;
            if (_current.Length == BufferSize)
            {
                Hand(_current);
                _current = Take();
            }
        }

        private void Hand(Chunk chunk)
        {
            ThrowIfFailed();
            chunk.Pending = _queues.Length;
            foreach (BlockingCollection<Chunk> queue in _queues)
            {
                queue.Add(chunk);
            }
        }

        /// <summary>A free buffer; buffers are allocated as they are needed, so a small bundle allocates one.</summary>
        private Chunk Take()
        {
            while (true)
            {
                ThrowIfFailed();
                if (_free.Count == 0 && _allocated < BufferCount)
                {
                    _allocated++;
                    return new Chunk();
                }

                if (_free.TryTake(out Chunk? chunk, 100))
                {
                    chunk.Length = 0;
                    return chunk;
                }
            }
        }

        private void Consume(BlockingCollection<Chunk> queue, Action<Chunk> consume)
        {
            try
            {
                foreach (Chunk chunk in queue.GetConsumingEnumerable())
                {
                    if (Volatile.Read(ref _failure) is null)
                    {
                        consume(chunk);
                    }

                    if (Interlocked.Decrement(ref chunk.Pending) == 0)
                    {
                        _free.Add(chunk);
                    }
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
        }

        private void WriteTar(Chunk chunk) => _tar.Write(chunk.Data, 0, chunk.Length);

        private void Hash(Chunk chunk) => _hash.AppendData(chunk.Data, 0, chunk.Length);

        private void WriteBase64(Chunk chunk)
        {
            // Straight to ASCII bytes: going through chars took 3x as long.
            int bytes = Base64Ascii.Encode(new ReadOnlySpan<byte>(chunk.Data, 0, chunk.Length), chunk.Base64Bytes);
            _body.Write(chunk.Base64Bytes, 0, bytes);
        }

        private void ThrowIfFailed()
        {
            if (Volatile.Read(ref _failure) is { } failure)
            {
                throw new BundleWriteException(failure);
            }
        }
    }

    private sealed class Chunk
    {
        public readonly byte[] Data = new byte[BufferSize];
        public readonly byte[] Base64Bytes = new byte[Base64Ascii.EncodedLength(BufferSize)];
        public int Length;
        public int Pending;
    }
}
