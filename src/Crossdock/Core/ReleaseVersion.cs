using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Crossdock.Core;

/// <summary>The pre-release kinds both PEP 440 and semver can express, in their shared order.</summary>
public enum PreReleaseKind
{
    Alpha,
    Beta,
    ReleaseCandidate,
}

/// <summary>
/// The one version of a release, from which both spellings derive: PEP 440 for wheels (<c>1.2.0b1</c>) and
/// semver for npm (<c>1.2.0-beta.1</c>). Parsing accepts either spelling; anything that cannot be written in
/// both (local versions, epochs, post/dev releases, other pre-release labels) is refused, because PyPI and npm
/// would then order or name the release differently.
/// </summary>
/// <param name="PreNumber">The pre-release number; null when the semver label had none ("1.2.0-beta", PEP 440 "b0").</param>
public sealed partial record ReleaseVersion(ImmutableArray<int> Release, PreReleaseKind? PreKind, int? PreNumber)
{
    /// <summary>PEP 440 normal form, used in wheel filenames and METADATA.</summary>
    public string Pep440 => string.Join('.', Release) + PreKind switch
    {
        PreReleaseKind.Alpha => "a" + (PreNumber ?? 0),
        PreReleaseKind.Beta => "b" + (PreNumber ?? 0),
        PreReleaseKind.ReleaseCandidate => "rc" + (PreNumber ?? 0),
        _ => "",
    };

    /// <summary>semver 2.0 form, used for npm packages (always three release numbers).</summary>
    public string Semver => string.Join('.', Release.Concat(Enumerable.Repeat(0, Math.Max(0, 3 - Release.Length)))) + PreKind switch
    {
        PreReleaseKind.Alpha => "-alpha" + SemverNumber,
        PreReleaseKind.Beta => "-beta" + SemverNumber,
        PreReleaseKind.ReleaseCandidate => "-rc" + SemverNumber,
        _ => "",
    };

    public bool IsPreRelease => PreKind is not null;

    private string SemverNumber => PreNumber is { } n ? "." + n.ToString(CultureInfo.InvariantCulture) : "";

    public override string ToString() => Pep440;

    /// <summary>Parses a semver or PEP 440 version (an optional leading "v", as in a git tag, is dropped).</summary>
    public static ReleaseVersion Parse(string text)
    {
        if (TryParse(text, out var version, out var reason)) return version;
        throw new FormatException(reason);
    }

    public static bool TryParse(string text, out ReleaseVersion version, out string reason)
    {
        version = null!;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('v') || trimmed.StartsWith('V')) trimmed = trimmed[1..];

        var semver = SemverPattern().Match(trimmed);
        var pep440 = semver.Success ? Match.Empty : Pep440Pattern().Match(trimmed.ToLowerInvariant());
        if (!semver.Success && !pep440.Success)
        {
            reason = Explain(trimmed, text);
            return false;
        }

        var match = semver.Success ? semver : pep440;
        var numbers = match.Groups["release"].Value.Split('.').Append(match.Groups["num"].Value).Where(p => p.Length > 0);
        if (numbers.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            reason = $"version '{text}' has a number larger than {int.MaxValue}";
            return false;
        }
        var release = match.Groups["release"].Value.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToImmutableArray();
        if (semver.Success && release.Length != 3)
        {
            reason = $"version '{text}' is not semver: it needs exactly three numbers (MAJOR.MINOR.PATCH)";
            return false;
        }
        if (release.Length > 3)
        {
            reason = $"version '{text}' has {release.Length} release numbers; npm (semver) allows at most three";
            return false;
        }

        PreReleaseKind? kind = null;
        int? number = null;
        if (match.Groups["pre"].Success)
        {
            kind = match.Groups["pre"].Value switch
            {
                "a" or "alpha" => PreReleaseKind.Alpha,
                "b" or "beta" => PreReleaseKind.Beta,
                "rc" or "c" or "pre" or "preview" => PreReleaseKind.ReleaseCandidate,
                _ => null,
            };
            number = match.Groups["num"].Success && match.Groups["num"].Value.Length > 0
                ? int.Parse(match.Groups["num"].Value, CultureInfo.InvariantCulture)
                : semver.Success ? null : 0;
        }
        version = new ReleaseVersion(release, kind, number);
        reason = "";
        return true;
    }

    private static string Explain(string trimmed, string original)
    {
        if (trimmed.Contains('+', StringComparison.Ordinal)) return $"version '{original}' has build/local metadata (+...); PyPI refuses local versions, so it cannot be released to both registries";
        if (trimmed.Contains('!', StringComparison.Ordinal)) return $"version '{original}' has a PEP 440 epoch, which npm (semver) cannot express";
        if (PostOrDevPattern().IsMatch(trimmed)) return $"version '{original}' is a post- or dev-release, which semver cannot order the way PEP 440 does";
        if (trimmed.Contains('-', StringComparison.Ordinal)) return $"version '{original}' has a pre-release label crossdock cannot map to PEP 440 (use -alpha.N, -beta.N or -rc.N)";
        return $"version '{original}' is neither semver (1.2.0, 1.2.0-beta.1) nor PEP 440 (1.2.0, 1.2.0b1)";
    }

    // semver 2.0 with the pre-release forms that have a PEP 440 twin: -alpha.N, -beta.N, -rc.N (N optional).
    [GeneratedRegex(@"^(?<release>(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))(-(?<pre>alpha|beta|rc)(\.?(?<num>0|[1-9]\d*))?)?$")]
    private static partial Regex SemverPattern();

    // PEP 440 public versions without epoch, post, dev or local parts; spelling variants as PEP 440 normalizes them.
    [GeneratedRegex(@"^(?<release>\d+(\.\d+)*)([-_.]?(?<pre>a|alpha|b|beta|rc|c|pre|preview)[-_.]?(?<num>\d*))?$")]
    private static partial Regex Pep440Pattern();

    [GeneratedRegex(@"(post|dev|\.r\d)", RegexOptions.IgnoreCase)]
    private static partial Regex PostOrDevPattern();
}
