using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>
/// A tiny C# console program named as the fixtures' command (<c>mytool</c>), published framework-dependent by the real
/// SDK (<c>dotnet publish -p:UseAppHost=false</c>), once for the tests that share it: what the release workflow's
/// assemble job hands to <c>--nuget-framework-dependent</c>. It prints where it runs from, its arguments, and exits
/// with the code <c>exit N</c> asks for.
/// </summary>
public sealed class FrameworkDependentPublish : IDisposable
{
    private readonly TempDir _dir = new("crossdock-fdd-");

    public FrameworkDependentPublish()
    {
        _dir.Write("mytool/mytool.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        _dir.Write("mytool/Program.cs", """
            Console.WriteLine("framework-dependent");
            Console.WriteLine($"argc={args.Length}");
            foreach (var arg in args) Console.WriteLine($"[{arg}]");
            return args is ["exit", var code] ? int.Parse(code) : 0;
            """);
        using var dotnet = new IsolatedDotnet();
        var publish = dotnet.Run(["publish", _dir["mytool/mytool.csproj"], "-c", "Release", "-p:UseAppHost=false", "-o", Folder, "--nologo"]);
        Assert.True(publish.ExitCode == 0, publish.Output);
    }

    /// <summary>The publish output: mytool.dll, mytool.runtimeconfig.json, mytool.deps.json, mytool.pdb.</summary>
    public string Folder => _dir["publish"];

    public void Dispose() => _dir.Dispose();
}
