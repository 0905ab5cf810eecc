using Crossdock.Core.Text;

namespace Crossdock.Tests.Core.Text;

public sealed class SuggestionsTests
{
    private static readonly string[] Commands = ["init", "inspect", "pack", "assemble", "verify", "publish", "generate", "targets", "completions"];

    [Theory]
    [InlineData("packk", "pack")]
    [InlineData("pakc", "pack")]
    [InlineData("verfy", "verify")]
    [InlineData("target", "targets")]
    [InlineData("gen", "generate")]
    [InlineData("compl", "completions")]
    [InlineData("ins", "inspect")]
    public void A_typo_or_a_prefix_finds_the_command_meant(string typed, string meant)
    {
        Assert.Equal(meant, Suggestions.Closest(typed, Commands));
        Assert.Equal($" (did you mean '{meant}'?)", Suggestions.DidYouMean(typed, Commands));
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("x")]
    [InlineData("in")] // both init and inspect start with it: no guess
    public void A_word_close_to_nothing_or_to_several_gets_no_suggestion(string typed)
    {
        Assert.Null(Suggestions.Closest(typed, Commands));
        Assert.Equal("", Suggestions.DidYouMean(typed, Commands));
    }

    [Fact]
    public void Two_edits_in_a_short_word_still_count_when_fewer_than_its_letters() =>
        Assert.Equal("pypi", Suggestions.Closest("pipy", ["pypi", "npm"]));

    [Fact]
    public void Longer_words_allow_a_quarter_of_their_length_in_edits()
    {
        // A triple with two letters swapped, one missing and one wrong is still the triple meant.
        Assert.Equal("powerpc64le-unknown-linux-gnu", Suggestions.Closest("powerpc64el-unknown-linx-gmu", ["powerpc64le-unknown-linux-gnu", "s390x-unknown-linux-gnu"]));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("pack", "pack", 0)]
    [InlineData("pack", "packk", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("pakc", "pack", 1)]
    [InlineData("versoin", "version", 1)]
    public void Edit_distance_counts_a_swap_of_neighbours_as_one(string a, string b, int distance) => Assert.Equal(distance, Suggestions.EditDistance(a, b));
}
