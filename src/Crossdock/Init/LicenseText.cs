namespace Crossdock.Init;

/// <summary>
/// The SPDX identifier of a LICENSE file, told from the phrases each common licence's text begins with, for a
/// project whose manifest has no licence field (go.mod has none). A text it does not recognise gives nothing, never a guess.
/// </summary>
public static class LicenseText
{
    private static readonly string[] FileNames = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "COPYING"];

    /// <summary>The licence and the file it was read from; null when there is no such file or its text is not one of the known ones.</summary>
    public static (string License, string File)? Detect(string folder)
    {
        var file = FileNames.FirstOrDefault(f => File.Exists(Path.Combine(folder, f)));
        if (file is null) return null;
        var text = string.Join(' ', File.ReadAllText(Path.Combine(folder, file)).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        string? Has(string phrase, string license) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase) ? license : null;
        var license = Has("Apache License Version 2.0", "Apache-2.0") ?? Has("Apache License, Version 2.0", "Apache-2.0")
            ?? Has("Mozilla Public License Version 2.0", "MPL-2.0")
            ?? Has("This is free and unencumbered software released into the public domain", "Unlicense")
            ?? Has("Permission is hereby granted, free of charge", "MIT")
            ?? Has("Permission to use, copy, modify, and/or distribute this software for any purpose", "ISC")
            ?? (text.Contains("Redistribution and use in source and binary forms", StringComparison.OrdinalIgnoreCase)
                ? text.Contains("Neither the name", StringComparison.OrdinalIgnoreCase) ? "BSD-3-Clause" : "BSD-2-Clause"
                : null);
        return license is null ? null : (license, file);
    }
}
