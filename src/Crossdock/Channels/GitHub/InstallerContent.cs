using System.Text;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;

namespace Crossdock.Channels.GitHub;

/// <summary>
/// The POSIX sh and PowerShell installers (Resources/installer.sh, installer.ps1): the templates hold the logic,
/// this fills in the release's archives, each with the target-table names the detection compares with and the
/// sha256 the download must have.
/// </summary>
public static class InstallerContent
{
    public static string Shell(InstallerModel model)
    {
        var values = model.CommonValues();
        values["installer"] = GithubNames.ShellInstaller(model.Project.Name);
        values["commands"] = string.Join(' ', model.Project.Commands);
        var table = new StringBuilder();
        foreach (var archive in model.Archives)
        {
            var target = archive.Target;
            var libc = GithubNames.LibcOf(target);
            var linkage = target.Os != OperatingSystemFamily.Linux ? "-" : archive.IsStatic || libc == "none" ? "static" : "dynamic";
            table.Append($"{target.Triple} {target.Os.Name} {target.Arch.Name} {libc} {linkage} {archive.FileName} {archive.Sha256}\n");
        }
        values["archives"] = table.ToString();
        return TemplateText.Fill(EmbeddedText.Read("installer.sh"), values);
    }

    public static string PowerShell(InstallerModel model)
    {
        var values = model.CommonValues();
        values["installer"] = GithubNames.PowerShellInstaller(model.Project.Name);
        values["commands"] = string.Join(", ", model.Project.Commands.Select(c => $"'{c}'"));
        var table = new StringBuilder();
        foreach (var archive in model.Archives.Where(a => a.Target.Os == OperatingSystemFamily.Windows))
        {
            table.Append($"    @{{ Target = '{archive.Target.Triple}'; Cpu = '{archive.Target.Arch.Name}'; File = '{archive.FileName}'; Sha256 = '{archive.Sha256}' }}\n");
        }
        values["archives"] = table.ToString();
        return TemplateText.Fill(EmbeddedText.Read("installer.ps1"), values);
    }
}
