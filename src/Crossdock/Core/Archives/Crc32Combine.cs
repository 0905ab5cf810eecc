namespace Crossdock.Core.Archives;

/// <summary>
/// CRC-32 (the zip/gzip polynomial) of two byte runs put end to end, from each run's CRC and the second's length:
/// how the chunks compressed on different cores give the file's CRC without a second, serial pass over it.
/// System.IO.Hashing.Crc32 cannot combine, so this is zlib's crc32_combine (1.2.12+): appending n zero bytes to a
/// CRC is multiplying it by x^(8n) modulo the polynomial in GF(2), and x^(2^k) mod P is tabulated, so the cost is
/// O(log n) 32-bit multiplications whatever the length.
/// </summary>
public static class Crc32Combine
{
    private const uint Polynomial = 0xedb88320; // reflected, as zip and gzip use it

    /// <summary>x^(2^k) mod P for k = 0..31 (the powers repeat with period 32 for the lengths we meet).</summary>
    private static readonly uint[] PowersOfTwo = Tabulate();

    /// <summary>The CRC-32 of A followed by B, given CRC(A), CRC(B) and the length of B.</summary>
    public static uint Combine(uint crcA, uint crcB, long lengthB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthB);
        return Multiply(XPowerEightN(lengthB), crcA) ^ crcB;
    }

    /// <summary>a·b mod P, both in zlib's reflected bit order (x^0 is the top bit).</summary>
    private static uint Multiply(uint a, uint b)
    {
        uint m = 1u << 31, product = 0;
        while (true)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0) break;
            }
            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
        return product;
    }

    /// <summary>x^(8n) mod P: the factor that shifts a CRC past n bytes.</summary>
    private static uint XPowerEightN(long n)
    {
        uint p = 1u << 31; // x^0
        var k = 3; // 8n = n·2^3
        while (n != 0)
        {
            if ((n & 1) != 0) p = Multiply(PowersOfTwo[k & 31], p);
            n >>= 1;
            k++;
        }
        return p;
    }

    private static uint[] Tabulate()
    {
        var table = new uint[32];
        uint p = 1u << 30; // x^1
        table[0] = p;
        for (var k = 1; k < 32; k++) table[k] = p = Multiply(p, p);
        return table;
    }
}
