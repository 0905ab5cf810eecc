using Crossdock.Channels.Npm;
using Crossdock.Config;
using Crossdock.Core.Files;
using Crossdock.Plan;

namespace Crossdock.Release;

/// <summary>
/// Plans and writes what needs every target (<see cref="AssemblyPlan"/>), asking each channel for its part. The
/// writing is all-or-nothing, like pack's: temporary names, renamed together when every file is complete.
/// </summary>
public static class ReleaseAssembler
{
    public static AssemblyPlan Plan(ProjectConfig config, ProjectRelease release, bool allowMissing) =>
        new(release, MainPackagePlanner.Plan(config, release, allowMissing));

    public static void Write(AssemblyPlan plan, DateTimeOffset timestamp)
    {
        using var staging = new StagedFiles(plan.Release.Layout.Npm);
        using (var output = new FileStream(staging.Reserve(plan.NpmMainPackage.Path), FileMode.CreateNew, FileAccess.Write))
        {
            MainPackageWriter.Write(plan.NpmMainPackage, output, timestamp);
        }
        staging.Commit();
    }
}
