using System;
using System.Buffers.Text;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>
/// Standard Base64 (with padding) straight to ASCII bytes: the push body. Where MSBuild runs on .NET and the CPU has
/// AVX2, whole 24-byte blocks are encoded by a loop of the SDK's own, compiled fully optimised from its first call; the
/// rest, and everything elsewhere, by the runtime's encoder. The runtime's encoder is as fast once tiered compilation has
/// recompiled it, but that takes more calls than one pack makes: until then it runs unoptimised code, 65 ms for 200 MB
/// in a fresh process against 10 ms for this loop (docs/benchmarks.md).
/// </summary>
public static class Base64Ascii
{
    /// <summary>The length of the encoding of <paramref name="length"/> bytes.</summary>
    public static int EncodedLength(int length) => (length + 2) / 3 * 4;

    /// <summary>Encodes all of <paramref name="source"/>; returns the number of bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < EncodedLength(source.Length))
        {
            throw new ArgumentException("The destination is too short for the encoding.", nameof(destination));
        }

        int consumed = 0;
        int written = 0;
#if NET
        if (Avx2.IsSupported)
        {
            consumed = EncodeBlocksAvx2(source, destination);
            written = consumed / 3 * 4;
        }
#endif
        Base64.EncodeToUtf8(source.Slice(consumed), destination.Slice(written), out _, out int rest);
        return written + rest;
    }

#if NET
    /// <summary>
    /// Encodes 24-byte blocks while a 32-byte load starting 4 bytes before the block stays inside the source; returns the
    /// number of bytes consumed (a multiple of 24). The method of W. Muła and D. Lemire, "Faster Base64 Encoding and
    /// Decoding Using AVX2 Instructions" (2018): each 128-bit lane takes 12 bytes, which a shuffle spreads into four
    /// 3-byte groups of 4 bytes, two multiplications move the four 6-bit values of each group into bytes, and a table
    /// lookup turns each value into its character.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int EncodeBlocksAvx2(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length < 28)
        {
            return 0;
        }

        ref byte input = ref MemoryMarshal.GetReference(source);
        ref byte output = ref MemoryMarshal.GetReference(destination);

        // Lane 0 holds its 12 bytes at offsets 4-15, lane 1 at offsets 0-11; each group becomes (b, a, c, b).
        Vector256<byte> spread = Vector256.Create(
            (byte)5, 4, 6, 5, 8, 7, 9, 8, 11, 10, 12, 11, 14, 13, 15, 14,
            1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10);

        // What to add to a 6-bit value, looked up by a reduced form of it: 0 for 26-51 ('a' - 26), 1-10 for 52-61
        // ('0' - 52), 11 for 62 ('+' - 62), 12 for 63 ('/' - 63), 13 for 0-25 ('A').
        Vector256<byte> offsets = Vector256.Create(
            (byte)71, 252, 252, 252, 252, 252, 252, 252, 252, 252, 252, 237, 240, 65, 0, 0,
            71, 252, 252, 252, 252, 252, 252, 252, 252, 252, 252, 237, 240, 65, 0, 0);

        // The first block: its first 12 bytes moved up by 4, as the loads of later blocks find them.
        Vector128<byte> first = Vector128.LoadUnsafe(ref input);
        Vector256<byte> block = Vector256.Create(Ssse3.AlignRight(first, Vector128<byte>.Zero, 12), Vector128.LoadUnsafe(ref input, 12));
        int consumed = 0;
        int written = 0;
        while (true)
        {
            block = Avx2.Shuffle(block, spread);
            Vector256<ushort> high = Avx2.MultiplyHigh((block & Vector256.Create(0x0fc0fc00u).AsByte()).AsUInt16(), Vector256.Create(0x04000040u).AsUInt16());
            Vector256<short> low = Avx2.MultiplyLow((block & Vector256.Create(0x003f03f0u).AsByte()).AsInt16(), Vector256.Create(0x01000010u).AsInt16());
            Vector256<byte> values = high.AsByte() | low.AsByte();

            Vector256<byte> reduced = Avx2.SubtractSaturate(values, Vector256.Create((byte)51));
            Vector256<byte> letters = Avx2.CompareGreaterThan(Vector256.Create((sbyte)26), values.AsSByte()).AsByte();
            reduced |= letters & Vector256.Create((byte)13);
            (values + Avx2.Shuffle(offsets, reduced)).StoreUnsafe(ref output, (nuint)written);

            consumed += 24;
            written += 32;
            if (consumed + 28 > source.Length)
            {
                return consumed;
            }

            block = Vector256.LoadUnsafe(ref input, (nuint)(consumed - 4));
        }
    }
#endif
}
