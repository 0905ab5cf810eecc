using Crossdock.Workflow;

namespace Crossdock.Tests.Workflow;

public sealed class LineDiffTests
{
    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    private static readonly string[] Ten = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];

    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal("", LineDiff.Unified(Lines(Ten), Lines(Ten), "old", "new"));
    }

    [Fact]
    public void A_changed_line_is_shown_with_three_lines_of_context()
    {
        var after = (string[])Ten.Clone();
        after[4] = "E";

        Assert.Equal(
            Lines("--- old", "+++ new", "@@ -2,7 +2,7 @@", " b", " c", " d", "-e", "+E", " f", " g", " h"),
            LineDiff.Unified(Lines(Ten), Lines(after), "old", "new"));
    }

    [Fact]
    public void Distant_changes_get_separate_hunks_and_near_ones_share_one()
    {
        var many = Enumerable.Range(1, 30).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var after = many.Where(l => l != "2").Select(l => l == "25" ? "twenty-five" : l).Append("31").ToArray();

        var diff = LineDiff.Unified(Lines(many), Lines(after), "old", "new");

        Assert.Equal(
            Lines("--- old", "+++ new",
                "@@ -1,5 +1,4 @@", " 1", "-2", " 3", " 4", " 5",
                "@@ -22,9 +21,10 @@", " 22", " 23", " 24", "-25", "+twenty-five", " 26", " 27", " 28", " 29", " 30", "+31"),
            diff);
    }

    [Fact]
    public void Everything_added_to_an_empty_file_is_one_hunk()
    {
        Assert.Equal(Lines("--- old", "+++ new", "@@ -0,0 +1,2 @@", "+x", "+y"), LineDiff.Unified("", Lines("x", "y"), "old", "new"));
    }
}
