namespace Crossdock.Inspection;

/// <summary>Mach-O numbers from Apple's <c>mach-o/loader.h</c> and <c>mach-o/fat.h</c>.</summary>
internal static class MachOConstants
{
    public const uint MagicThin32 = 0xfeedface;
    public const uint MagicThin64 = 0xfeedfacf;
    public const uint CigamThin32 = 0xcefaedfe;
    public const uint CigamThin64 = 0xcffaedfe;
    public const uint FatMagic32 = 0xcafebabe;
    public const uint FatMagic64 = 0xcafebabf;

    public const int CpuTypeX86 = 7;
    public const int CpuTypeArm = 12;
    public const int CpuArch64 = 0x01000000;
    public const int CpuTypeX86_64 = CpuTypeX86 | CpuArch64;
    public const int CpuTypeArm64 = CpuTypeArm | CpuArch64;

    public const uint LcVersionMinMacosx = 0x24;
    public const uint LcVersionMinIphoneos = 0x25;
    public const uint LcBuildVersion = 0x32;

    public const uint PlatformMacos = 1;

    public const uint FileTypeExecute = 2;
}
