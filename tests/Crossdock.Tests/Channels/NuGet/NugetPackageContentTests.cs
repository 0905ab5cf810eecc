using Crossdock.Channels.NuGet;

namespace Crossdock.Tests.Channels.NuGet;

public sealed class NugetPackageContentTests
{
    [Theory]
    [InlineData("MIT", "https://licenses.nuget.org/MIT")]
    // What SDK 10.0.401's `dotnet pack` wrote here for <PackageLicenseExpression>(MIT OR Apache-2.0)</PackageLicenseExpression>.
    [InlineData("(MIT OR Apache-2.0)", "https://licenses.nuget.org/(MIT%20OR%20Apache-2.0)")]
    public void The_licence_url_is_the_one_nuget_writes_beside_an_expression(string expression, string url)
    {
        Assert.Equal(url, NugetPackageContent.LicenseUrl(expression));
    }

    [Fact]
    public void Content_types_have_one_default_per_extension_and_an_override_per_file_without_one()
    {
        var types = NugetPackageContent.ContentTypes(["a.nuspec", "README.md", "tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/mytool", "tools/any/win-x64/mytool.exe"]);

        Assert.Equal(
            [
                "rels", "psmdcp", "exe", "md", "nuspec", "xml",
            ],
            System.Text.RegularExpressions.Regex.Matches(types, "Default Extension=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("<Override PartName=\"/tools/any/linux-x64/mytool\" ContentType=\"application/octet\" />", types, StringComparison.Ordinal);
        Assert.DoesNotContain("PartName=\"/tools/any/win-x64/mytool.exe\"", types, StringComparison.Ordinal);
    }
}
