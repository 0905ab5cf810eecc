using System.Globalization;

namespace Crossdock.Core.Archives;

/// <summary>
/// The timestamp written into every archive entry: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else
/// npm's fixed 1985-10-26T08:15:00Z, so that the same inputs always give the same bytes.
/// </summary>
public static class ArchiveTime
{
    public static readonly DateTimeOffset NpmDefault = new(1985, 10, 26, 8, 15, 0, TimeSpan.Zero);

    /// <summary>The earliest time a zip (DOS) timestamp can hold.</summary>
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Resolve(string? sourceDateEpoch)
    {
        if (string.IsNullOrWhiteSpace(sourceDateEpoch)) return NpmDefault;
        if (!long.TryParse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            throw CrossdockException.Usage($"SOURCE_DATE_EPOCH='{sourceDateEpoch}' is not a number of seconds since 1970");
        }
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <summary>MS-DOS date and time as zip stores them (2-second resolution, no zone; years 1980-2107).</summary>
    public static (ushort Time, ushort Date) ToDos(DateTimeOffset timestamp)
    {
        var t = timestamp < DosEpoch ? DosEpoch : timestamp.ToUniversalTime();
        if (t.Year > 2107) t = new DateTimeOffset(2107, 12, 31, 23, 59, 58, TimeSpan.Zero);
        var time = (ushort)((t.Hour << 11) | (t.Minute << 5) | (t.Second / 2));
        var date = (ushort)(((t.Year - 1980) << 9) | (t.Month << 5) | t.Day);
        return (time, date);
    }
}
