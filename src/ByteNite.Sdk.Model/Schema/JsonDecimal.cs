using System;
using System.Globalization;
using System.Numerics;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>
/// A JSON number's exact value: sign × mantissa × 10^exponent with arbitrary-precision mantissa and exponent, so that
/// 1 equals 1.0 and 10e-1, 1e400 compares correctly, and 0.1 is a multiple of 0.01 (binary floating point gets all of
/// these wrong). Normalised (no trailing zeros in the mantissa, zero is +0e0), so equal values have equal fields.
/// </summary>
internal readonly struct JsonDecimal : IComparable<JsonDecimal>, IEquatable<JsonDecimal>
{
    private static readonly BigInteger Ten = new(10);

    private JsonDecimal(bool negative, BigInteger mantissa, BigInteger exponent, int digits)
    {
        Negative = negative;
        Mantissa = mantissa;
        Exponent = exponent;
        Digits = digits;
    }

    public bool Negative { get; }

    /// <summary>Non-negative, without trailing decimal zeros.</summary>
    public BigInteger Mantissa { get; }

    public BigInteger Exponent { get; }

    /// <summary>The number of decimal digits of <see cref="Mantissa"/> (0 for zero).</summary>
    public int Digits { get; }

    public bool IsZero => Mantissa.IsZero;

    /// <summary>True for values without a fractional part: JSON Schema counts 1.0 and 1e2 as integers.</summary>
    public bool IsInteger => IsZero || Exponent.Sign >= 0;

    /// <summary>Parses a JSON number literal (RFC 8259 grammar, as the parser produced it).</summary>
    public static bool TryParse(string text, out JsonDecimal value)
    {
        value = default;
        int i = 0;
        bool negative = false;
        if (i < text.Length && text[i] == '-')
        {
            negative = true;
            i++;
        }

        int intStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        string integerDigits = text.Substring(intStart, i - intStart);
        string fractionDigits = string.Empty;
        if (i < text.Length && text[i] == '.')
        {
            int fracStart = ++i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            fractionDigits = text.Substring(fracStart, i - fracStart);
            if (fractionDigits.Length == 0)
            {
                return false;
            }
        }

        BigInteger exponent = BigInteger.Zero;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                negativeExponent = text[i] == '-';
                i++;
            }

            int expStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            if (i == expStart)
            {
                return false;
            }

            exponent = BigInteger.Parse(text.Substring(expStart, i - expStart), NumberStyles.None, CultureInfo.InvariantCulture);
            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }

        if (integerDigits.Length == 0 || i != text.Length)
        {
            return false;
        }

        string digits = (integerDigits + fractionDigits).TrimStart('0');
        string significant = digits.TrimEnd('0');
        if (significant.Length == 0)
        {
            value = default;
            return true;
        }

        exponent = exponent - fractionDigits.Length + (digits.Length - significant.Length);
        value = new JsonDecimal(negative, BigInteger.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture), exponent, significant.Length);
        return true;
    }

    /// <summary>The value as a non-negative count (lengths, item counts), saturated at <see cref="long.MaxValue"/>; null when it is not one.</summary>
    public long? ToCount()
    {
        if (!IsInteger || (Negative && !IsZero))
        {
            return null;
        }

        if (IsZero)
        {
            return 0;
        }

        if (Exponent + Digits > 18)
        {
            return long.MaxValue;
        }

        return (long)(Mantissa * BigInteger.Pow(Ten, (int)Exponent));
    }

    public int CompareTo(JsonDecimal other)
    {
        int sign = Sign, otherSign = other.Sign;
        if (sign != otherSign)
        {
            return sign.CompareTo(otherSign);
        }

        if (sign == 0)
        {
            return 0;
        }

        int magnitude = CompareMagnitude(this, other);
        return sign > 0 ? magnitude : -magnitude;
    }

    public bool Equals(JsonDecimal other) =>
        Negative == other.Negative && Mantissa.Equals(other.Mantissa) && Exponent.Equals(other.Exponent);

    public override bool Equals(object? obj) => obj is JsonDecimal other && Equals(other);

    public override int GetHashCode() => Mantissa.GetHashCode() ^ Exponent.GetHashCode() ^ (Negative ? 1 : 0);

    /// <summary>True when value / divisor is an integer. Exact for any exponents (modular arithmetic, no huge powers).</summary>
    public static bool IsMultipleOf(JsonDecimal value, JsonDecimal divisor)
    {
        if (value.IsZero)
        {
            return true;
        }

        if (divisor.IsZero)
        {
            return false;
        }

        if (value.Exponent >= divisor.Exponent)
        {
            // value = m·10^(k + e), divisor = d·10^e: divisible when m·10^k ≡ 0 (mod d).
            BigInteger k = value.Exponent - divisor.Exponent;
            BigInteger remainder = value.Mantissa % divisor.Mantissa * BigInteger.ModPow(Ten, k, divisor.Mantissa) % divisor.Mantissa;
            return remainder.IsZero;
        }

        // value = m·10^e, divisor = d·10^(k + e): divisible when m ≡ 0 (mod d·10^k); impossible once d·10^k has more digits than m.
        BigInteger shift = divisor.Exponent - value.Exponent;
        if (shift + divisor.Digits > value.Digits)
        {
            return false;
        }

        return (value.Mantissa % (divisor.Mantissa * BigInteger.Pow(Ten, (int)shift))).IsZero;
    }

    private int Sign => IsZero ? 0 : Negative ? -1 : 1;

    private static int CompareMagnitude(JsonDecimal a, JsonDecimal b)
    {
        // The position of the leading digit decides unless it is the same; then the exponents differ by at most the
        // number of digits, so scaling to a common exponent is cheap.
        int order = (a.Exponent + a.Digits).CompareTo(b.Exponent + b.Digits);
        if (order != 0)
        {
            return order;
        }

        BigInteger common = BigInteger.Min(a.Exponent, b.Exponent);
        BigInteger left = a.Mantissa * BigInteger.Pow(Ten, (int)(a.Exponent - common));
        BigInteger right = b.Mantissa * BigInteger.Pow(Ten, (int)(b.Exponent - common));
        return left.CompareTo(right);
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
